import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';

type Props = { label: string; required?: boolean; error?: string; extra?: ReactNode; children: ReactNode };

/** A labelled form field with its inline error. */
export default function Field({ label, required, error, extra, children }: Props) {
  return (
    <View className={`field${error ? ' field--error' : ''}`}>
      <View className='field__label'>
        <Text>
          {required && <Text className='field__required'>*</Text>}
          {label}
        </Text>
        {extra}
      </View>
      <View className='field__control'>{children}</View>
      {error && <View className='field__error'>{error}</View>}
    </View>
  );
}

/** Field errors from an ApiError's details, keyed by field name. */
export function fieldErrors(details: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) if (!out[d.field]) out[d.field] = d.message;
  return out;
}
