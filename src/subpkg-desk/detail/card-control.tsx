/** Desk detail: supervision-card controls of the dispatcher (urge, deadline, withdraw, close a party), per department. */
import type { DeskPartProps } from './part-props';

export default function CardControl(props: DeskPartProps) {
  void props;
  return null;
}
