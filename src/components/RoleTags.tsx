import { View, Text } from '@tarojs/components';
import type { Role } from '../shared/api-types';
import { roleLabel } from '../shared/labels';

/** The signed-in user's roles in words, one tag each (the home's hero, 我的's profile); `block` names the page's classes: `{block}__roles`, `{block}__role`. */
export default function RoleTags({ roles, block }: { roles: readonly Role[]; block: string }) {
  return (
    <View className={`${block}__roles`}>
      {roles.map((r) => (
        <Text className={`${block}__role`} key={r}>
          {roleLabel(r)}
        </Text>
      ))}
    </View>
  );
}
