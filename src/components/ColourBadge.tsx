import { Text } from '@tarojs/components';
import type { Colour } from '../shared/api-types';
import { COLOUR_HEX, COLOUR_TINT } from '../shared/colours';

type Props = {
  colour: Colour;
  label: string;
  /** 'dot': a coloured dot and the label (tables, chips); 'badge': a tinted pill (detail pages) */
  variant?: 'dot' | 'badge';
};

/** The ledger colour of a request (白 未开始 · 绿 正常 · 黄 临期 · 红 超期); colours from shared/colours. */
export default function ColourBadge({ colour, label, variant = 'badge' }: Props) {
  const dot = <Text className='colour-dot' style={{ background: COLOUR_HEX[colour] }} />;
  if (variant === 'dot') {
    return (
      <Text className={`colour-label colour-label--${colour}`}>
        {dot}
        {label}
      </Text>
    );
  }
  return (
    <Text className={`colour-badge colour-badge--${colour}`} style={{ background: COLOUR_TINT[colour] }}>
      {dot}
      {label}
    </Text>
  );
}
