/**
 * 知识库 Excel 导入: the template, the check of the chosen file (nothing written: what would be
 * created, changed or left, and every bad row with its reasons), then the import, a slice per call
 * until finished (core/knowledge/kb-import.ts).
 */
import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { callService } from '../../services/call';
import { useTemplateDownload } from '../files';
import { useSheetUpload } from '../use-sheet-upload';


export default function KbImport({ onImported }: { onImported: () => void }) {
  const { downloading, template } = useTemplateDownload('kb.template');
  const [written, setWritten] = useState<{ created: number; updated: number } | null>(null);
  const { file, report, checking, importing, error, choose, confirmAll } = useSheetUpload(
    (fileID) => callService('kb.import', { fileID }),
    { wrongType: '请选择 .xlsx 格式的文件（可先下载模板）', onPick: () => setWritten(null) },
  );
  const busy = checking ? 'checking' : importing ? 'importing' : '';

  const confirm = async () => {
    const sum = { created: 0, updated: 0 };
    const done = await confirmAll((fileID) => callService('kb.import', { fileID, confirm: true }), (r) => {
      sum.created += r.created;
      sum.updated += r.updated;
      setWritten({ ...sum });
    });
    if (done) onImported();
  };

  return (
    <View className='card kb-import'>
      <View className='card__title'>Excel 批量导入</View>
      <View className='muted small'>按模板填写问题、答复、类别等；问题与已有条目相同的将更新该条目，不会重复新增。先校验、不写入，核对后再确认导入。</View>
      <View className='admin-toolbar'>
        <Button fill='outline' loading={downloading} onClick={template}>下载模板</Button>
        <Button type='primary' loading={busy === 'checking'} disabled={busy === 'importing'} onClick={choose}>{report ? '重新选择文件' : '选择 Excel 文件'}</Button>
      </View>
      {error && <View className='admin-error'>{error}</View>}
      {report && file && (
        <View className='kb-import__report'>
          <View className='muted small'>{file.name}</View>
          <View className='kb-import__counts'>
            <Text>共 {report.total} 行</Text>
            <Text className='kb-import__new'>{written ? `已新增 ${written.created} 条` : `新增 ${report.create} 条`}</Text>
            <Text>{written ? `已修改 ${written.updated} 条` : `修改 ${report.update} 条`}</Text>
            <Text>无变化 {report.unchanged} 条</Text>
            <Text className={report.errorCount ? 'kb-import__bad' : ''}>错误 {report.errorCount} 行</Text>
          </View>
          {report.errors.map((e) => (
            <View key={e.row} className='kb-import__error'>
              <Text className='kb-import__row'>第 {e.row} 行{e.question ? `：${e.question}` : ''}</Text>
              {e.reasons.map((r) => <View key={r} className='kb-import__reason'>{r}</View>)}
            </View>
          ))}
          {!written && (report.create + report.update > 0
            ? <Button type='primary' loading={busy === 'importing'} onClick={confirm}>确认导入{report.errorCount ? '（跳过错误行）' : ''}</Button>
            : <View className='muted'>没有需要新增或修改的条目。</View>)}
          {written && !busy && <View className='kb-import__done'>导入完成</View>}
        </View>
      )}
    </View>
  );
}
