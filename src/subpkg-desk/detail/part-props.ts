import type { DeskOptions, Meta, RequestDetailResponse } from '../../shared/api-types';

/** what each part of the desk detail page gets: the detail as loaded, and a way to reload it after an action */
export type DeskPartProps = {
  detail: RequestDetailResponse;
  meta: Meta | null;
  options: DeskOptions | null;
  reload: () => Promise<void>;
};
