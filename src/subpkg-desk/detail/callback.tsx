/** Desk detail: 回访: record a callback on a closed request, and the callbacks so far. */
import type { DeskPartProps } from './part-props';

export default function CallbackPanel(props: DeskPartProps) {
  void props;
  return null;
}
