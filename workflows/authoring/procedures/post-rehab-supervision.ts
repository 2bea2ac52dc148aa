import { G, chain, sla, status, task, wd } from '../dsl';
import type { FlowSpec, NodeSpec, ProcessSpec } from '../model';

const d31 = sla('Task_OpenFile', 'D31', wd(2), wd(3));
const d32 = sla('Task_PostRehabDecision', 'D32', wd(1), wd(2));

/** A drug test (periodic or ad hoc) whose positive result escalates RELAPSE_SUSPECTED to the supervision scope. */
function testScope(kind: 'Periodic' | 'Adhoc', start: NodeSpec, name: string, form: string): NodeSpec {
  const flows: FlowSpec[] = [
    ...chain(start.id, `Task_${kind}Test`, `Gateway_${kind}Result`),
    { from: `Gateway_${kind}Result`, to: `Throw_${kind}Relapse`, name: 'Dương tính', cond: '=testResult = "positive"' },
    { from: `Gateway_${kind}Result`, to: `End_${kind}Negative`, name: 'Âm tính', isDefault: true },
    { from: `Throw_${kind}Relapse`, to: `End_${kind}Positive` },
  ];
  return {
    id: `EventSub_${kind}Test`, type: 'subProcess', triggeredByEvent: true, name,
    children: [
      start,
      task(`Task_${kind}Test`, kind === 'Periodic' ? 'Xét nghiệm định kỳ' : 'Xét nghiệm đột xuất', form, G.communePolice, wd(3),
        { doc: 'NĐ116 Điều 79(2)(c). Tần suất không được quy định (setting postRehabTestCycle).' }),
      { id: `Gateway_${kind}Result`, type: 'exclusiveGateway', name: 'Kết quả?' },
      { id: `Throw_${kind}Relapse`, type: 'intermediateThrowEvent', name: 'Nghi tái sử dụng', escalation: 'RELAPSE_SUSPECTED' },
      { id: `End_${kind}Positive`, type: 'endEvent', name: 'Chuyển xác định nghiện' },
      { id: `End_${kind}Negative`, type: 'endEvent', name: 'Âm tính' },
    ],
    flows,
  };
}

/** Procedure 5 — DOMAIN.md §7 (L73 Art 40, 43; ND116 Art 77–81). */
export const postRehabSupervision: ProcessSpec = {
  id: 'post-rehab-supervision',
  name: 'Quản lý sau cai nghiện ma túy tại nơi cư trú',
  doc: 'Thủ tục 5 (L73 Điều 40, 43; NĐ116 Điều 77–81). Biến đầu vào: personId, caseId, communeCode, provinceCode, ruleset, isMinor, sourceType (VOLUNTARY | METHADONE | COMPULSORY_ADULT | COMPULSORY_MINOR), testCycle (chu kỳ ISO-8601, mặc định "R/P3M"). Tái sử dụng → xác định nghiện (gọi thủ tục 1) → nghiện: lập hồ sơ bắt buộc (người thành niên). Chuyển nơi cư trú: hồ sơ chuyển sang xã mới (thông điệp PostRehabFileTransferred).',
  nodes: [
    { id: 'Start_Completed', type: 'startEvent', name: 'Hoàn thành cai nghiện / điều trị', message: 'RehabCompleted' },
    { id: 'Start_Transferred', type: 'startEvent', name: 'Nhận hồ sơ chuyển đến (Mẫu 53)', message: 'PostRehabFileTransferred' },
    task('Task_ReceiveReport', 'Tiếp nhận trình báo của người hoàn thành cai nghiện', 'post-rehab.report', G.communePolice, wd(5),
      { deadline: 'D30', doc: 'Người chấp hành xong phải trình báo UBND xã và Công an xã trong 05 ngày làm việc kể từ khi về nơi cư trú (NĐ116 Điều 62(5)).' }),
    task('Task_OpenFile', 'Lập hồ sơ quản lý sau cai (Mẫu 50, Mẫu 30)', 'post-rehab.proposal', G.communePolice, wd(3),
      { deadline: 'D31', doc: 'Trong 03 ngày làm việc kể từ khi người đó trình báo (NĐ116 Điều 77).' }),
    ...d31.nodes,
    task('Task_PostRehabDecision', 'Quyết định quản lý sau cai nghiện (Mẫu 51)', 'post-rehab.decision', G.communeCommittee, wd(2),
      { deadline: 'D32', doc: 'Trong 02 ngày làm việc kể từ khi nhận đề nghị; thời hạn 1 năm, 2 năm với người thành niên chấp hành xong cai nghiện bắt buộc (L73 Điều 40, D34).' }),
    ...d32.nodes,
    status('Status_PostRehab', 'post_rehab', 'Đưa vào danh sách quản lý sau cai (Mẫu 52)'),
    task('Task_AcceptTransfer', 'Tiếp nhận hồ sơ quản lý sau cai chuyển đến', 'post-rehab.accept-transfer', G.communePolice, wd(5),
      { doc: 'Xã nơi đến tiếp tục quản lý phần thời hạn còn lại (L73 Điều 43(2)).' }),
    { id: 'Gateway_SupervisionMerge', type: 'exclusiveGateway', name: '' },
    {
      id: 'SubProcess_Supervision', type: 'subProcess', name: 'Quản lý sau cai nghiện',
      children: [
        { id: 'Start_Supervision', type: 'startEvent', name: 'Bắt đầu quản lý' },
        { id: 'Timer_SupervisionTerm', type: 'intermediateCatchEvent', name: 'Hết thời hạn quản lý', deadline: 'D34',
          timer: { date: '=date and time(date(termEnd), time("08:00:00+07:00"))' }, doc: 'Thời gian vắng mặt không báo cáo không tính vào thời hạn (NĐ116 Điều 79).' },
        { id: 'End_TermCompleted', type: 'endEvent', name: 'Hết thời hạn' },
        testScope('Periodic', { id: 'StartTimer_PeriodicTest', type: 'startEvent', name: 'Theo chu kỳ testCycle', interrupting: false,
          timer: { cycle: '=if testCycle = null then "R/P3M" else testCycle' } }, 'Xét nghiệm định kỳ', 'post-rehab.periodic-test'),
        testScope('Adhoc', { id: 'Start_AdhocTest', type: 'startEvent', name: 'Có căn cứ xét nghiệm đột xuất', interrupting: false, message: 'AdhocTestOrdered' },
          'Xét nghiệm đột xuất', 'post-rehab.adhoc-test'),
        {
          id: 'EventSub_Absence', type: 'subProcess', triggeredByEvent: true, name: 'Vắng mặt khỏi nơi cư trú',
          children: [
            { id: 'Start_Absence', type: 'startEvent', name: 'Ghi nhận vắng mặt', interrupting: false, message: 'AbsenceReported' },
            task('Task_RecordAbsence', 'Ghi nhận vắng mặt, tính lại thời hạn', 'post-rehab.absence', G.communePolice, wd(2)),
            { id: 'Gateway_AbsenceReported', type: 'exclusiveGateway', name: 'Có báo cáo?' },
            { id: 'Throw_AbsenceTermChanged', type: 'intermediateThrowEvent', name: 'Kéo dài thời hạn', escalation: 'TERM_CHANGED' },
            { id: 'End_AbsenceExtended', type: 'endEvent', name: 'Đã kéo dài thời hạn' },
            { id: 'End_AbsenceReported', type: 'endEvent', name: 'Vắng mặt có báo cáo' },
          ],
          flows: [
            ...chain('Start_Absence', 'Task_RecordAbsence', 'Gateway_AbsenceReported'),
            { from: 'Gateway_AbsenceReported', to: 'Throw_AbsenceTermChanged', name: 'Không báo cáo', cond: '=reported = false' },
            { from: 'Gateway_AbsenceReported', to: 'End_AbsenceReported', name: 'Có báo cáo', isDefault: true },
            { from: 'Throw_AbsenceTermChanged', to: 'End_AbsenceExtended' },
          ],
        },
        {
          id: 'EventSub_Move', type: 'subProcess', triggeredByEvent: true, name: 'Thay đổi nơi cư trú',
          children: [
            { id: 'Start_Move', type: 'startEvent', name: 'Người được quản lý chuyển đi', interrupting: false, message: 'PersonMoved' },
            task('Task_MoveNotice', 'Thông báo cho xã nơi đến (Mẫu 53)', 'post-rehab.move-notice', G.communePolice, wd(5),
              { deadline: 'D33', doc: 'Trong 05 ngày làm việc (NĐ116 Điều 79(1)(c); L73 Điều 43(2)).' }),
            { id: 'Throw_Moved', type: 'intermediateThrowEvent', name: 'Chuyển hồ sơ', escalation: 'MOVED' },
            { id: 'End_Moved', type: 'endEvent', name: 'Đã thông báo' },
          ],
          flows: chain('Start_Move', 'Task_MoveNotice', 'Throw_Moved', 'End_Moved'),
        },
      ],
      flows: chain('Start_Supervision', 'Timer_SupervisionTerm', 'End_TermCompleted'),
    },
    { id: 'Boundary_Relapse', type: 'boundaryEvent', name: 'Nghi tái sử dụng', attachedTo: 'SubProcess_Supervision', escalation: 'RELAPSE_SUSPECTED' },
    { id: 'Boundary_TermChanged', type: 'boundaryEvent', name: 'Thời hạn thay đổi', attachedTo: 'SubProcess_Supervision', escalation: 'TERM_CHANGED' },
    { id: 'Boundary_Moved', type: 'boundaryEvent', name: 'Chuyển nơi cư trú', attachedTo: 'SubProcess_Supervision', escalation: 'MOVED' },
    { id: 'Boundary_Terminated', type: 'boundaryEvent', name: 'Phạt tù / chết / mất tích', attachedTo: 'SubProcess_Supervision', message: 'SupervisionTerminated' },
    { id: 'Call_Determination', type: 'callActivity', name: 'Xác định tình trạng nghiện', calledElement: 'addiction-determination',
      inputs: [['triggerGroup', '="d"'], ['route', '="police"'], ['relapseCheck', '=true']], doc: 'L73 Điều 27(1)(d).' },
    { id: 'Gateway_Relapse', type: 'exclusiveGateway', name: 'Tái nghiện?' },
    { id: 'End_Relapse', type: 'endEvent', name: 'Tái nghiện: lập hồ sơ cai nghiện bắt buộc', message: 'CompulsoryDossierRequested',
      inputs: [['triggerType', '="RELAPSE_POST_REHAB"']], doc: 'L73 Điều 32(4); chỉ áp dụng người thành niên.' },
    { id: 'Service_TransferCase', type: 'serviceTask', name: 'Chuyển hồ sơ sang xã nơi đến', job: 'case.transfer', inputs: [['toCommuneCode', '=newCommuneCode']] },
    { id: 'End_Transferred', type: 'endEvent', name: 'Đã chuyển hồ sơ', message: 'PostRehabFileTransferred', inputs: [['communeCode', '=newCommuneCode']] },
    task('Task_RemoveFromList', 'Đưa ra khỏi danh sách quản lý', 'post-rehab.removal', G.communePolice, wd(3), { doc: 'NĐ116 Điều 81.' }),
    status('Status_Removed', 'closed'),
    { id: 'End_Removed', type: 'endEvent', name: 'Đưa ra khỏi danh sách' },
    task('Task_Completion', 'Cấp giấy chứng nhận hoàn thành quản lý sau cai (Mẫu 54)', 'post-rehab.completion', G.communeCommittee, wd(3)),
    status('Status_Closed', 'closed'),
    { id: 'End_Completed', type: 'endEvent', name: 'Hoàn thành quản lý sau cai' },
  ],
  flows: [
    ...chain('Start_Completed', 'Task_ReceiveReport', 'Task_OpenFile', 'Task_PostRehabDecision', 'Status_PostRehab', 'Gateway_SupervisionMerge'),
    ...chain('Start_Transferred', 'Task_AcceptTransfer', 'Gateway_SupervisionMerge'),
    ...chain('Gateway_SupervisionMerge', 'SubProcess_Supervision', 'Task_Completion', 'Status_Closed', 'End_Completed'),
    ...chain('Boundary_Relapse', 'Call_Determination', 'Gateway_Relapse'),
    { from: 'Gateway_Relapse', to: 'End_Relapse', name: 'Nghiện (người thành niên)', cond: '=conclusion = "nghien" and isMinor != true' },
    { from: 'Gateway_Relapse', to: 'Gateway_SupervisionMerge', name: 'Tiếp tục quản lý', isDefault: true },
    { from: 'Boundary_TermChanged', to: 'Gateway_SupervisionMerge' },
    ...chain('Boundary_Moved', 'Service_TransferCase', 'End_Transferred'),
    ...chain('Boundary_Terminated', 'Task_RemoveFromList', 'Status_Removed', 'End_Removed'),
    ...d31.flows,
    ...d32.flows,
  ],
};
