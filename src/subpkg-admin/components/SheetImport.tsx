/**
 * Excel 批量导入 for the console's catalogues (知识库, 事项清单: core/knowledge/kb-import.ts,
 * items-import.ts): the template, the check of the chosen file (nothing written: what would be created,
 * changed or left, and every bad row with its reasons), then the import, a slice per call until finished.
 */
import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { callService } from '../../services/call';
import { useTemplateDownload } from '../files';
import { useSheetUpload } from '../use-sheet-upload';

/** what each catalogue's import calls, and its words */
const KINDS = {
  kb: { template: 'kb.template', run: 'kb.import', unit: '条', hint: '按模板填写问题、答复、类别等；问题与已有条目相同的将更新该条目，不会重复新增。', none: '没有需要新增或修改的条目。' },
  items: { template: 'items.template', run: 'items.import', unit: '项', hint: '按模板填写事项名称、类别、责任部门或责任单位、层级等；名称与已有事项相同的将更新该事项，不会重复新增。', none: '没有需要新增或修改的事项。' },
} as const;

type Report = { finished: boolean; total: number; create: number; update: number; unchanged: number; errorCount: number; created: number; updated: number; errors: Array<{ row: number; reasons: string[]; question?: string; name?: string }> };

const run = (kind: keyof typeof KINDS, fileID: string, confirm?: boolean): Promise<Report> =>
  kind === 'kb' ? callService('kb.import', { fileID, confirm }) : callService('items.import', { fileID, confirm });

export default function SheetImport({ kind, onImported }: { kind: keyof typeof KINDS; onImported: () => void }) {
  const k = KINDS[kind];
  const { downloading, template } = useTemplateDownload(k.template);
  const [written, setWritten] = useState<{ created: number; updated: number } | null>(null);
  const { file, report, checking, importing, error, choose, confirmAll } = useSheetUpload(
    (fileID) => run(kind, fileID),
    { wrongType: '请选择 .xlsx 格式的文件（可先下载模板）', onPick: () => setWritten(null) },
  );
  const busy = checking ? 'checking' : importing ? 'importing' : '';

  const confirm = async () => {
    const sum = { created: 0, updated: 0 };
    const done = await confirmAll((fileID) => run(kind, fileID, true), (r) => {
      sum.created += r.created;
      sum.updated += r.updated;
      setWritten({ ...sum });
    });
    if (done) onImported();
  };

  return (
    <View className='card sheet-import'>
      <View className='card__title'>Excel 批量导入</View>
      <View className='muted small'>{k.hint}先校验、不写入，核对后再确认导入。</View>
      <View className='admin-toolbar'>
        <Button fill='outline' loading={downloading} onClick={template}>下载模板</Button>
        <Button type='primary' loading={busy === 'checking'} disabled={busy === 'importing'} onClick={choose}>{report ? '重新选择文件' : '选择 Excel 文件'}</Button>
      </View>
      {error && <View className='admin-error'>{error}</View>}
      {report && file && (
        <View className='sheet-import__report'>
          <View className='muted small'>{file.name}</View>
          <View className='sheet-import__counts'>
            <Text>共 {report.total} 行</Text>
            <Text className='sheet-import__new'>{written ? `已新增 ${written.created} ${k.unit}` : `新增 ${report.create} ${k.unit}`}</Text>
            <Text>{written ? `已修改 ${written.updated} ${k.unit}` : `修改 ${report.update} ${k.unit}`}</Text>
            <Text>无变化 {report.unchanged} {k.unit}</Text>
            <Text className={report.errorCount ? 'sheet-import__bad' : ''}>错误 {report.errorCount} 行</Text>
          </View>
          {report.errors.map((e) => {
            const label = e.question ?? e.name;
            return (
              <View key={e.row} className='sheet-import__error'>
                <Text className='sheet-import__row'>第 {e.row} 行{label ? `：${label}` : ''}</Text>
                {e.reasons.map((r) => <View key={r} className='sheet-import__reason'>{r}</View>)}
              </View>
            );
          })}
          {!written && (report.create + report.update > 0
            ? <Button type='primary' loading={busy === 'importing'} onClick={confirm}>确认导入{report.errorCount ? '（跳过错误行）' : ''}</Button>
            : <View className='muted'>{k.none}</View>)}
          {written && !busy && <View className='sheet-import__done'>导入完成</View>}
        </View>
      )}
    </View>
  );
}
