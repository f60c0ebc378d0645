import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { callService, toastError } from '../../services/call';
import { downloadErrorRows, useTemplateDownload } from '../files';
import { useSheetUpload } from '../use-sheet-upload';
import type { ImportJob, ImportReport } from '../types';
import { ADMIN } from '../labels';
import '../admin.css';
import './index.css';

/** a confirmed import answers its job (a slice per call); a dry run answers the report alone */
const isJob = (r: ImportReport): r is ImportJob => 'jobId' in r;

type Step = 'idle' | 'checking' | 'report' | 'writing' | 'done';

export default function ImportPage() {
  const [phase, setPhase] = useState<Exclude<Step, 'checking'>>('idle');
  const [progress, setProgress] = useState<ImportJob | null>(null);
  const [fetchingErrors, setFetchingErrors] = useState(false);
  const { downloading, template } = useTemplateDownload();

  /** 下载错误行: every bad row (a finished job lists only the first ones here), to fix and upload again */
  const errorRows = async () => {
    if (!file || fetchingErrors) return;
    setFetchingErrors(true);
    try {
      await downloadErrorRows(file.fileID, file.name);
    } catch (e) {
      toastError(e);
    } finally {
      setFetchingErrors(false);
    }
  };


  // dry run: the server reads and checks every row, nothing is written yet
  const { file, report, setReport, checking, error, choose } = useSheetUpload<ImportReport>(
    (fileID) => callService('admin.enterprises.import', { fileID }),
    { wrongType: '请选择 .xlsx 格式的文件（可先下载模板）', blocked: phase === 'writing', onPick: () => setPhase('idle') },
  );
  const step: Step = checking ? 'checking' : phase === 'idle' && report ? 'report' : phase;

  const confirm = async () => {
    if (!file || step !== 'report') return;
    setPhase('writing');
    try {
      // the server writes a slice per call (a cloud function has seconds, not minutes): go on until finished
      let res = await callService('admin.enterprises.import', { fileID: file.fileID, confirm: true });
      if (isJob(res)) setProgress(res);
      for (let calls = 0; isJob(res) && !res.finished && calls < 1000; calls++) {
        const before = res.done;
        res = await callService('admin.enterprises.import', { fileID: file.fileID, confirm: true, jobId: res.jobId });
        if (!isJob(res)) break;
        setProgress(res);
        // another call still holds the job (it may have died: its lease runs out in seconds): wait a moment
        if (!res.finished && res.done === before) await new Promise((r) => setTimeout(r, 1000));
      }
      setReport(res);
      setPhase('done');
    } catch (e) {
      toastError(e);
      setPhase('report');
    }
  };

  const toWrite = report ? report.create + report.update : 0;
  // a finished job keeps only the first bad rows; its count is complete
  const errorCount = report ? report.errorCount ?? report.errors.length : 0;
  const percent = progress && progress.total ? Math.round(((progress.done ?? 0) / progress.total) * 100) : 0;

  return (
    <View className='page page--wide admin import'>
      <View className='card'>
        <View className='card__title'>从 Excel 批量导入企业</View>
        <View className='import-steps'>
          <View className='import-step'>
            <Text className='import-step__no'>1</Text>
            <View className='import-step__body'>
              <View>下载导入模板，按列填写：名称、统一社会信用代码、地址、所属网格、行业、规模、联系人、联系电话。</View>
              <View className='muted small'>所属网格填写组织架构中的网格名称；信用代码已在名录中的企业将被更新，不会重复新增。</View>
            </View>
          </View>
          <View className='import-step'>
            <Text className='import-step__no'>2</Text>
            <View className='import-step__body'>选择填好的文件，系统先逐行校验并给出报告，此时不会写入任何数据。</View>
          </View>
          <View className='import-step'>
            <Text className='import-step__no'>3</Text>
            <View className='import-step__body'>核对报告后点击「确认导入」。</View>
          </View>
        </View>
        <View className='admin-toolbar import-buttons'>
          <Button fill='outline' loading={downloading} onClick={template}>
            下载模板
          </Button>
          <Button type='primary' loading={step === 'checking'} disabled={step === 'writing'} onClick={choose}>
            {step === 'checking' ? '校验中…' : report ? '重新选择文件' : '选择 Excel 文件'}
          </Button>
        </View>
        {process.env.TARO_ENV === 'weapp' && <View className='muted small import-weapp'>小程序中请先把文件发送到微信聊天，再从聊天记录中选择。</View>}
        {error && <View className='admin-error import-error'>{error}</View>}
      </View>

      {report && file && (
        <View className={`card import-report${step === 'done' ? ' import-report--done' : ''}`}>
          <View className='card__title'>
            <Text>{step === 'done' ? '导入完成' : '校验报告'}</Text>
            <Text className='import-file'>{file.name}</Text>
          </View>
          {step === 'writing' && progress && (
            <View className='import-progress'>
              <View className='import-progress__bar'><View className='import-progress__fill' style={{ width: `${percent}%` }} /></View>
              <Text className='import-progress__text'>{progress.message ?? `已导入 ${progress.done ?? 0}/${progress.total} 行`}，请勿关闭页面</Text>
            </View>
          )}
          {step === 'done' && <View className='import-written'>已写入 {report.written} 家企业</View>}
          <View className='import-counts'>
            <Count label='总行数' value={report.total} />
            <Count label='新增' value={report.create} tone='green' />
            <Count label='更新' value={report.update} tone='blue' />
            <Count label='无变化' value={report.unchanged} />
            <Count label='错误' value={errorCount} tone={errorCount ? 'red' : undefined} />
          </View>

          {report.errors.length > 0 && (
            <View className='import-errors'>
              <View className='import-errors__head'>
                <Text className='import-errors__title'>
                  {errorCount} 行有错误{step === 'done' ? '，已跳过' : '，错误行将被跳过'}{errorCount > report.errors.length ? `（以下列出前 ${report.errors.length} 行）` : ''}
                </Text>
                <Text className={`op import-errors__download${fetchingErrors ? ' op--muted' : ''}`} onClick={errorRows}>
                  {fetchingErrors ? '正在生成…' : '下载错误行'}
                </Text>
              </View>
              <View className='muted small import-errors__hint'>下载的表格保留原有各列，并在“错误原因”列写明每行的全部问题；在表中改正后直接重新上传即可。</View>
              <View className='import-table'>
                <View className='import-tr import-tr--head'>
                  <Text className='import-td import-td--row'>行号</Text>
                  <Text className='import-td import-td--name'>企业</Text>
                  <Text className='import-td import-td--reason'>问题</Text>
                </View>
                {report.errors.map((e, i) => (
                  <View className='import-tr' key={`${e.row}-${i}`}>
                    <Text className='import-td import-td--row'>第 {e.row} 行</Text>
                    <Text className='import-td import-td--name'>{e.name || '（未填写）'}</Text>
                    <View className='import-td import-td--reason'>
                      {(e.reasons?.length ? e.reasons : [e.reason]).map((r, j) => (
                        <View className='import-reason' key={j}>
                          {r}
                        </View>
                      ))}
                    </View>
                  </View>
                ))}
              </View>
            </View>
          )}

          {step !== 'done' && (
            <View className='import-confirm'>
              {toWrite === 0 ? (
                <View className='muted'>没有需要新增或更新的企业。</View>
              ) : (
                <View className='import-confirm__text'>
                  将新增 {report.create} 家、更新 {report.update} 家企业
                  {report.errors.length > 0 && <Text className='import-skip'>（错误行将被跳过）</Text>}
                </View>
              )}
              <Button type='primary' loading={step === 'writing'} disabled={toWrite === 0} onClick={confirm}>
                确认导入
              </Button>
            </View>
          )}
          {step === 'done' && (
            <View className='admin-toolbar'>
              <Button type='primary' onClick={() => Taro.redirectTo({ url: ADMIN.enterprises })}>
                查看企业名录
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'green' | 'blue' | 'red' }) {
  return (
    <View className={`import-count${tone ? ` import-count--${tone}` : ''}`}>
      <Text className='import-count__value'>{value}</Text>
      <Text className='import-count__label'>{label}</Text>
    </View>
  );
}
