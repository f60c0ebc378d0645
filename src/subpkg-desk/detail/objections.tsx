/** Desk detail: hand-backs (退回/申请改派) and extension requests (延期申请) the dispatcher decides. */
import type { DeskPartProps } from './part-props';

export default function ObjectionsPanel(props: DeskPartProps) {
  void props;
  return null;
}
