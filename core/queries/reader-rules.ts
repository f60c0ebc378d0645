/** Who reads a request as what: shared by the request's read side and the 并件 panel (a leaf). */
import { hasRole, type Ctx } from '../context';

/**
 * Who reads a request as government staff: everyone but the enterprise's users and a CPPCC member
 * (政协委员直通车), who is no official and reads what it filed as the enterprise does.
 */
export const readsAsStaff = (u: Ctx['user']) => !hasRole(u, 'enterprise') && (!hasRole(u, 'cppcc') || hasRole(u, 'officer', 'liaison', 'department', 'dispatcher', 'leader', 'admin'));

/** who may see which other enterprises' requests a merge joined (并件): the desk, leaders and admins */
export const seesMergedEnterprises = (u: Ctx['user']) => hasRole(u, 'dispatcher', 'leader', 'admin');
