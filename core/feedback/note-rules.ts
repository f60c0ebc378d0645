/** Where 补充说明 (request.note, core/feedback/note.ts) may go: a request still open and not waiting for 补充材料. */
import type { ServiceRequest } from '../model';

export const NOTE_FROM: ServiceRequest['status'][] = ['queued', 'dispatch', 'assigned', 'accepted', 'supervised'];
