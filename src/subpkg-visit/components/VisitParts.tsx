import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { formatTime } from '../../shared/format';
import { distanceText } from '../location';
import { RED_FLAG_KEYS, type AnyVisit, type Flag, type Member, type ScanPlace } from '../types';

const hm = (iso: string | null | undefined) => formatTime(iso, 'HH:mm');

export function duration(minutes: number | null): string {
  if (minutes === null) return '';
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

export function StatusPill({ visit }: { visit: Pick<AnyVisit, 'status' | 'autoClosed'> }) {
  if (visit.status === 'open') return <Text className='status-tag visit-status--open'>入企中</Text>;
  if (visit.autoClosed) return <Text className='status-tag visit-status--auto'>未签退·自动结束</Text>;
  return <Text className='status-tag visit-status--closed'>已签退</Text>;
}

export function PurposeTag({ label, purpose }: { label: string; purpose: string }) {
  const inspection = purpose === 'inspection' || purpose === 'joint';
  return <Text className={`purpose-tag${inspection ? ' purpose-tag--inspection' : ''}`}>{label}</Text>;
}

export function FlagTags({ flags }: { flags: Flag[] }) {
  if (!flags.length) return null;
  return (
    <View className='flag-tags'>
      {flags.map((f) => (
        <Text key={f.key} className={`flag-tag${RED_FLAG_KEYS.includes(f.key) ? ' flag-tag--red' : ''}`}>
          {RED_FLAG_KEYS.includes(f.key) ? '● ' : ''}
          {f.label}
        </Text>
      ))}
    </View>
  );
}

export function InfoRow({ label, children, tone }: { label: string; children: ReactNode; tone?: 'warn' | 'danger' }) {
  return (
    <View className='info-row info-row--wide'>
      <Text className='info-row__label'>{label}</Text>
      <View className={`info-row__value${tone ? ` info-row__value--${tone}` : ''}`}>{children}</View>
    </View>
  );
}

/** where a member scanned: how far from the enterprise, how precise, or why unknown */
export function PlaceLine({ label, place }: { label: string; place: ScanPlace | null | undefined }) {
  if (!place) return null;
  let text: string;
  let tone = '';
  if (place.missing) {
    text = `未获取位置（${place.missing}）`;
    tone = ' place-line--warn';
  } else if (place.distance === null) {
    text = `已定位（±${place.accuracy} 米），企业尚未登记位置`;
  } else {
    text = `距企业 ${distanceText(place.distance)}（定位精度 ±${place.accuracy} 米）${place.far ? ' · 距离过远' : ''}`;
    if (place.far) tone = ' place-line--far';
  }
  return (
    <View className={`place-line${tone}`}>
      {label}：{text}
      {place.latitude != null && place.longitude != null && (
        <Text className='place-line__coords'>
          {' '}
          {place.latitude.toFixed(5)}, {place.longitude.toFixed(5)}
        </Text>
      )}
    </View>
  );
}

export function Members({ members }: { members: Member[] }) {
  return (
    <View className='members'>
      {members.map((m, i) => (
        <View className='member' key={`${m.name}-${i}`}>
          <View className='member__avatar'>{m.name.slice(-1)}</View>
          <View className='member__body'>
            <View className='member__name'>
              {m.name}
              <Text className='member__dept'>
                {m.deptName}
                {m.roleLabel && m.roleLabel !== m.deptName ? ` · ${m.roleLabel}` : ''}
              </Text>
            </View>
            <View className='member__time'>
              {formatTime(m.joinedAt)} 签到
              {m.leftAt ? ` · ${hm(m.leftAt)} ${m.leftBy === 'auto' ? '自动签退' : m.leftBy === 'elsewhere' ? '在别处补签退' : '签退'}` : ' · 在企业'}
            </View>
            <PlaceLine label='签到位置' place={m.checkinPlace} />
            <PlaceLine label='签退位置' place={m.checkoutPlace} />
            {m.outcome && (
              <View className='member__outcome'>
                <Text className='member__outcome-label'>办理情况</Text>
                {m.outcome}
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}

/** the facts of a visit, as every reader may see them */
export function VisitFacts({ visit }: { visit: AnyVisit }) {
  const inspection = visit.purpose === 'inspection' || visit.purpose === 'joint';
  return (
    <View>
      <InfoRow label='入企事由'>{visit.purposeLabel}</InfoRow>
      {visit.note && <InfoRow label='入企说明'>{visit.note}</InfoRow>}
      {inspection && (
        <InfoRow label='报批备案号' tone={visit.approvalRef ? undefined : 'danger'}>
          {visit.approvalRef || '未提供'}
        </InfoRow>
      )}
      {inspection && visit.legalBasis && <InfoRow label='执法依据'>{visit.legalBasis}</InfoRow>}
      {visit.linkedRequestNo && <InfoRow label='关联诉求'>{visit.linkedRequestNo}（企业申请，不计入频次）</InfoRow>}
      <InfoRow label='签到时间'>{formatTime(visit.checkinAt)}</InfoRow>
      {visit.checkoutAt && (
        <InfoRow label='签退时间' tone={visit.autoClosed ? 'warn' : undefined}>
          {formatTime(visit.checkoutAt)}
          {visit.autoClosed ? '（未签退，系统自动结束）' : ''}
          {visit.durationMinutes !== null ? ` · 用时 ${duration(visit.durationMinutes)}` : ''}
        </InfoRow>
      )}
      {visit.late && (
        <InfoRow label='事后补录' tone='warn'>
          {formatTime(visit.late.registeredAt)} 补录：{visit.late.reason}
        </InfoRow>
      )}
    </View>
  );
}

type CardProps = { visit: AnyVisit; onClick?: () => void; showEnterprise?: boolean; extra?: ReactNode; highlight?: boolean };

/** one visit in a list */
export function VisitCard({ visit: v, onClick, showEnterprise = true, extra, highlight }: CardProps) {
  const who = v.members.map((m) => m.name).join('、');
  return (
    <View className={`card visit-card${highlight ? ' visit-card--highlight' : ''}`} onClick={onClick}>
      <View className='visit-card__head'>
        <Text className='visit-card__title'>{showEnterprise ? v.enterpriseName : v.deptNames.join('、')}</Text>
        <StatusPill visit={v} />
      </View>
      <View className='visit-card__tags'>
        <PurposeTag label={v.purposeLabel} purpose={v.purpose} />
        <FlagTags flags={v.flags} />
      </View>
      <View className='visit-card__who'>
        {who}
        {showEnterprise ? <Text className='visit-card__dept'>（{v.deptNames.join('、')}）</Text> : null}
      </View>
      {v.note && <View className='visit-card__note'>{v.note}</View>}
      {'farthest' in v && v.farthest != null && (
        <View className={`visit-card__place${v.flags.some((f) => f.key === 'far') ? ' visit-card__place--far' : ''}`}>
          扫码位置距企业最远 {distanceText(v.farthest)}
        </View>
      )}
      {v.flags.some((f) => f.key === 'no_location') && <View className='visit-card__place visit-card__place--warn'>有扫码未获取位置</View>}
      <View className='card-foot'>
        <Text className='mono'>{v.no}</Text>
        <Text>
          {formatTime(v.checkinAt)}
          {v.durationMinutes !== null ? ` · ${duration(v.durationMinutes)}` : ''}
        </Text>
      </View>
      {extra}
    </View>
  );
}
