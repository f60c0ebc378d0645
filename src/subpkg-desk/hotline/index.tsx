import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { callService } from '../../services/call';
import { ROUTES } from '../../shared/routes';
import SubmitButton from '../../components/SubmitButton';
import { useSheetUpload } from '../../subpkg-admin/use-sheet-upload';
import type { Answer } from '../../../core/contract/answers';
import { HOTLINE_COLUMNS } from '../../../core/contract/hotline';
import './index.css';

type Report = Answer<'hotline.import'>;
const NEEDED = (['no', 'name', 'content', 'phone'] as const).map((k) => HOTLINE_COLUMNS[k][0]).join('、');

/** 12345 热线工单导入: the hotline's export, checked first (nothing written), then imported a slice per call */
export default function HotlineImportPage() {
  const [created, setCreated] = useState<number | null>(null);
  const { file, report, setReport, checking, importing, error, choose, confirmAll } = useSheetUpload<Report>(
    (fileID) => callService('hotline.import', { fileID }),
    { wrongType: '请选择 .xlsx 格式的文件', onPick: () => setCreated(null) },
  );
  const busy = checking ? 'checking' : importing ? 'importing' : '';

  const confirm = async () => {
    let total = 0;
    // each call imports what its seconds allow; the orders already in are skipped by their numbers
    await confirmAll((fileID) => callService('hotline.import', { fileID, confirm: true }), (r) => {
      total += r.created;
      setCreated(total);
      if (r.finished) setReport(r);
    });
  };

  return (
    <View className='page'>
      <View className='card'>
        <View className='card__title'>导入12345热线工单</View>
        <View className='hint'>上传热线系统导出的工单表（.xlsx），须含 {NEEDED} 列（也认“工单号”“单位名称”“来电内容”“来电号码”等列名），可含统一社会信用代码、诉求类别、来电时间。先校验、不写入；确认后每条新工单生成一件诉求，归属对应企业；已导入过的工单编号不会重复导入。</View>
        <SubmitButton fill={report ? 'outline' : undefined} busy={busy === 'checking'} onClick={choose}>{report ? '重新选择文件' : '选择 Excel 文件'}</SubmitButton>
        {process.env.TARO_ENV === 'weapp' && <View className='muted small'>小程序中请先把文件发送到微信聊天，再从聊天记录中选择。</View>}
        {error && <View className='field__error'>{error}</View>}
      </View>
      {report && file && (
        <View className='card'>
          <View className='card__title'>{created !== null && report.finished ? '导入完成' : '校验报告'}</View>
          <View className='muted small hotline__file'>{file.name}</View>
          <View className='hotline__counts'>
            <Text>共 {report.total} 行</Text>
            <Text className='hotline__new'>{created !== null ? `已新增 ${created} 件` : `将新增 ${report.create} 件`}</Text>
            <Text>已导入过 {report.existing} 件</Text>
            <Text className={report.errorCount ? 'hotline__bad' : ''}>错误 {report.errorCount} 行</Text>
          </View>
          {report.errors.map((e) => (
            <View key={`${e.row}-${e.no}`} className='hotline__error'>
              <Text className='hotline__row'>第 {e.row} 行{e.no ? ` · ${e.no}` : ''}</Text>
              {e.reasons.map((r) => <View key={r} className='hotline__reason'>{r}</View>)}
            </View>
          ))}
          {created === null && (report.create > 0
            ? <SubmitButton busy={busy === 'importing'} onClick={confirm}>确认导入 {report.create} 件{report.errorCount ? '（跳过错误行）' : ''}</SubmitButton>
            : <View className='muted'>没有需要导入的新工单。</View>)}
          {created !== null && report.finished && (
            <SubmitButton fill='outline' busy={false} onClick={() => Taro.navigateTo({ url: ROUTES.ledger({ channel: 'hotline' }) })}>在台账中查看热线工单</SubmitButton>
          )}
        </View>
      )}
    </View>
  );
}
