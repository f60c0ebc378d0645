import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { formatTime } from '../../shared/format';
import { RED_FLAG_KEYS, type AnyVisit, type Flag, type Member } from '../types';

const hm = (iso: string | null | undefined) => formatTime(iso).slice(11);

export function duration(minutes: number | null): string {
  if (minutes === null) return '';
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

export function StatusPill({ visit }: { visit: Pick<AnyVisit, 'status' | 'autoClosed'> }) {
  if (visit.status === 'open') return <Text className='visit-status visit-status--open'>入企中</Text>;
  if (visit.autoClosed) return <Text className='visit-status visit-status--auto'>未签退·自动结束</Text>;
  return <Text className='visit-status visit-status--closed'>已签退</Text>;
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
              {m.leftAt ? ` · ${hm(m.leftAt)} ${m.leftBy === 'auto' ? '自动签退' : '签退'}` : ' · 在企业'}
            </View>
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
      <View className='visit-card__foot'>
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
