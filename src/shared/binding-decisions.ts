import Taro from '@tarojs/taro';
import { callService, toastError } from '../services/call';
import { confirmAction } from './confirm';

type Applicant = { id: string; userName?: string | null; enterpriseName: string };

/**
 * 通过 a binding application, as the approvals page and the console home both offer it: asked first
 * (who becomes the enterprise's contact and what they may then do, and `check`: what the approver
 * should verify), then sent. `busy` marks the application while it is sent and `after` runs (the
 * list reloads); a refusal by the server is toasted.
 */
export async function approveBinding(b: Applicant, check: string, busy: (id: string) => void, after: () => unknown): Promise<void> {
  const sure = await confirmAction({
    title: '通过绑定申请',
    content: `通过后，${b.userName || '申请人'}将成为“${b.enterpriseName}”的联系人，可以企业名义反映问题、查看和评价企业的诉求。${check}`,
    confirmText: '通过',
  });
  if (!sure) return;
  busy(b.id);
  try {
    await callService('binding.approve', { id: b.id });
    Taro.showToast({ title: `已通过 ${b.userName || ''}`, icon: 'none' });
    await after();
  } catch (e) {
    toastError(e);
  } finally {
    busy('');
  }
}
