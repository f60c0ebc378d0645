/** Desk detail: the recusal warning on a complaint about officials. */
import type { DeskPartProps } from './part-props';

export default function RecusalNotice(props: DeskPartProps) {
  void props;
  return null;
}
