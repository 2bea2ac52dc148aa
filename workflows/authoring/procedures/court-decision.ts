import { G, cd, chain, sla, task, wd } from '../dsl';
import type { ProcessSpec } from '../model';

const d19 = sla('SubProcess_Consideration', 'D19', cd(12), cd(15));
const d17 = sla('Task_ReceiveDossier', 'D17', wd(1), wd(2));

/** Procedure 3 — DOMAIN.md §5 (PL03 / PL01 as amended by PL08; ND116 Art 43(3), 57). */
/**
 * The candidate group whose users get the decision by mail, per recipient of the Mẫu
 * (`court.decision-issue` recipients); the person and the family get it on paper (null = no mail).
 */
const recipientGroup = '=if recipient = "procuracy" then "procuracy:" + provinceCode'
  + ' else if recipient = "rehab_centre" then "rehab_centre:" + provinceCode'
  + ' else if recipient = "commune_people_committee" then "people_committee:" + communeCode'
  + ' else if recipient = "proposing_agency" then (if ruleset = "2022" then "people_committee:" else "police:") + communeCode'
  + ' else null';

export const courtDecision: ProcessSpec = {
  id: 'court-decision',
  name: 'Tòa án xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc',
  doc: 'Thủ tục 3 (Pháp lệnh 03/2022, 01/2022, sửa đổi bởi 08/2025). Biến đầu vào: personId, caseId, communeCode, districtCode (2022), courtRegionCode (2025), provinceCode, ruleset, isMinor. Tòa án: 2022 cấp huyện, 2025 khu vực. Kết quả áp dụng có hiệu lực → thông điệp CompulsoryDecisionEffective (thủ tục 4). Thời điểm có hiệu lực chưa xác nhận: mặc định sau khi hết thời hạn khiếu nại (setting decisionTakesEffect).',
  nodes: [
    { id: 'Start_Filed', type: 'startEvent', name: 'Nhận hồ sơ đề nghị', message: 'DossierFiledWithCourt' },
    { id: 'Gateway_ReceiveMerge', type: 'exclusiveGateway', name: '' },
    task('Task_ReceiveDossier', 'Vào sổ nhận hồ sơ, kiểm tra tài liệu', 'court.receive', G.court, wd(2),
      { deadline: 'D17', doc: 'Thiếu tài liệu theo Luật XLVPHC Điều 104(2): trả lại kèm lý do trong 02 ngày làm việc.' }),
    ...d17.nodes,
    { id: 'Gateway_Complete', type: 'exclusiveGateway', name: 'Hồ sơ đầy đủ?' },
    task('Task_CompleteDossier', 'Bổ sung hồ sơ bị Tòa án trả lại', 'court.returned-dossier', G.preparer, wd(2)),
    task('Task_AcceptAssignJudge', 'Thụ lý, phân công Thẩm phán', 'court.acceptance', G.court, wd(1),
      { deadline: 'D18', doc: 'Thụ lý và phân công 01 Thẩm phán trong 01 ngày làm việc kể từ khi nhận đủ hồ sơ.' }),
    { id: 'Notify_Procuracy', type: 'sendTask', name: 'Thông báo thụ lý cho Viện kiểm sát và người bị đề nghị', job: 'email.send',
      inputs: [['template', '="court.accepted"'], ['toGroup', G.procuracy]] },
    { id: 'Gateway_ConsiderationMerge', type: 'exclusiveGateway', name: '' },
    {
      id: 'SubProcess_Consideration', type: 'subProcess', name: 'Xem xét, mở phiên họp (15 ngày, gia hạn tối đa 30 ngày)', deadline: 'D19',
      doc: 'Ra quyết định trong 15 ngày kể từ ngày thụ lý; vụ việc phức tạp tối đa 30 ngày (PL03 Điều 8).',
      children: [
        { id: 'Start_Consideration', type: 'startEvent', name: 'Đã thụ lý' },
        { id: 'Gateway_StudyMerge', type: 'exclusiveGateway', name: '' },
        task('Task_StudyFile', 'Nghiên cứu hồ sơ, chuẩn bị phiên họp', 'court.preparation', G.court, cd(10)),
        { id: 'Gateway_Clarify', type: 'exclusiveGateway', name: 'Cần làm rõ?' },
        task('Task_AnswerClarification', 'Trả lời yêu cầu làm rõ của Tòa án', 'court.clarification-answer', G.preparer, wd(2),
          { deadline: 'D16', doc: 'Cơ quan đề nghị trả lời trong 02 ngày làm việc (NĐ116 Điều 43(3), 53(3)).' }),
        task('Task_Session', 'Mở phiên họp, công bố quyết định', 'court.session', G.court,
          '=add calendar days(date and time(acceptedAt), if extended = true then 30 else 15)',
          { deadline: 'D19', doc: 'Thẩm phán, thư ký, đại diện cơ quan đề nghị, Kiểm sát viên, người bị đề nghị/đại diện, người bào chữa; có thể họp trực tuyến. Thời hạn áp dụng 12–24 tháng (D35).' }),
        { id: 'End_Consideration', type: 'endEvent', name: 'Đã công bố quyết định' },
      ],
      flows: [
        ...chain('Start_Consideration', 'Gateway_StudyMerge', 'Task_StudyFile', 'Gateway_Clarify'),
        { from: 'Gateway_Clarify', to: 'Task_AnswerClarification', name: 'Yêu cầu làm rõ', cond: '=needsClarification = true' },
        { from: 'Gateway_Clarify', to: 'Task_Session', name: 'Đủ căn cứ', isDefault: true },
        { from: 'Task_AnswerClarification', to: 'Gateway_StudyMerge' },
        { from: 'Task_Session', to: 'End_Consideration' },
      ],
    },
    ...d19.nodes,
    task('Task_IssueDecision', 'Gửi quyết định cho các bên', 'court.decision-issue', G.court, wd(2),
      { deadline: 'D20', doc: 'Gửi trong 02 ngày làm việc kể từ ngày công bố (người nhận cụ thể chưa xác nhận: setting decisionRecipients).' }),
    { id: 'Send_Decision', type: 'sendTask', name: 'Gửi quyết định', job: 'email.send',
      multiInstance: { collection: '=recipients', element: 'recipient' }, inputs: [['template', '="court.decision"'], ['toGroup', recipientGroup]] },
    { id: 'Gateway_DecisionType', type: 'exclusiveGateway', name: 'Loại quyết định?' },
    { id: 'Catch_Resumed', type: 'intermediateCatchEvent', name: 'Tiếp tục xem xét', message: 'ConsiderationResumed',
      doc: 'Tạm đình chỉ: căn cứ chưa xác nhận (setting suspensionGrounds).' },
    { id: 'Split_Windows', type: 'inclusiveGateway', name: 'Thời hạn khiếu nại / đề nghị hoãn, miễn' },
    { id: 'Gateway_ComplaintEvents', type: 'eventBasedGateway', name: '' },
    { id: 'Timer_ComplaintWindow', type: 'intermediateCatchEvent', name: 'Hết thời hạn khiếu nại, kiến nghị, kháng nghị',
      timer: { date: '=add working days(now(), if isMinor = true then 5 else 3)' }, deadline: 'D21', props: { deadlineMinor: 'D22' },
      doc: '03 ngày làm việc (người thành niên, PL03 Điều 31); 05 ngày làm việc với người chưa thành niên (PL01, D22).' },
    { id: 'Catch_Complaint', type: 'intermediateCatchEvent', name: 'Có khiếu nại / kiến nghị / kháng nghị', message: 'ComplaintFiled' },
    task('Task_ResolveComplaint', 'Tòa án cấp trên giải quyết khiếu nại, kiến nghị, kháng nghị', 'court.complaint-resolution', G.higherCourt, wd(7),
      { deadline: 'D23', doc: 'Tòa án cấp trên sau PL08 chưa xác nhận (setting higherCourt).' }),
    { id: 'Gateway_ComplaintMerge', type: 'exclusiveGateway', name: '' },
    { id: 'Gateway_PostponementEvents', type: 'eventBasedGateway', name: '' },
    { id: 'Timer_PostponementWindow', type: 'intermediateCatchEvent', name: 'Hết thời hạn đề nghị hoãn, miễn', timer: { date: wd(2) }, deadline: 'D24' },
    { id: 'Catch_PostponementRequest', type: 'intermediateCatchEvent', name: 'Có đơn đề nghị hoãn / miễn (Mẫu 42a/42b)', message: 'PostponementRequested' },
    task('Task_DecidePostponement', 'Xem xét đề nghị hoãn, miễn chấp hành', 'court.postponement-decision', G.court, wd(3),
      { doc: 'NĐ116 Điều 57: hoãn (bệnh nặng, hoàn cảnh đặc biệt khó khăn); miễn (bệnh hiểm nghèo, không còn nghiện sau cai tự nguyện, mang thai).' }),
    { id: 'Gateway_PostponementMerge', type: 'exclusiveGateway', name: '' },
    { id: 'Join_Windows', type: 'inclusiveGateway', name: '' },
    { id: 'Gateway_Outcome', type: 'exclusiveGateway', name: 'Kết quả có hiệu lực?' },
    task('Task_PostponementEnded', 'Theo dõi, xác nhận hết lý do hoãn', 'court.postponement-end', G.communePolice,
      '=date and time(date(postponedUntil), time("17:00:00+07:00"))', { doc: 'Công an xã theo dõi thời điểm hết lý do hoãn (NĐ116 Điều 57(2)).' }),
    { id: 'Gateway_EffectiveMerge', type: 'exclusiveGateway', name: '' },
    { id: 'End_Effective', type: 'endEvent', name: 'Quyết định áp dụng được thi hành', message: 'CompulsoryDecisionEffective' },
    { id: 'End_Exempted', type: 'endEvent', name: 'Được miễn chấp hành' },
    { id: 'Notify_NotApplied', type: 'sendTask', name: 'Thông báo không áp dụng / đình chỉ cho cơ quan đề nghị', job: 'email.send',
      inputs: [['template', '="court.not-applied"'], ['toGroup', G.preparer]] },
    { id: 'End_NotApplied', type: 'endEvent', name: 'Không áp dụng / đình chỉ' },
  ],
  flows: [
    ...chain('Start_Filed', 'Gateway_ReceiveMerge', 'Task_ReceiveDossier', 'Gateway_Complete'),
    { from: 'Gateway_Complete', to: 'Task_CompleteDossier', name: 'Trả lại', cond: '=dossierComplete = false' },
    { from: 'Gateway_Complete', to: 'Task_AcceptAssignJudge', name: 'Đầy đủ', isDefault: true },
    { from: 'Task_CompleteDossier', to: 'Gateway_ReceiveMerge' },
    ...chain('Task_AcceptAssignJudge', 'Notify_Procuracy', 'Gateway_ConsiderationMerge', 'SubProcess_Consideration', 'Task_IssueDecision', 'Send_Decision', 'Gateway_DecisionType'),
    { from: 'Gateway_DecisionType', to: 'Catch_Resumed', name: 'Tạm đình chỉ', cond: '=decisionType = "suspend"' },
    { from: 'Gateway_DecisionType', to: 'Split_Windows', isDefault: true },
    { from: 'Catch_Resumed', to: 'Gateway_ConsiderationMerge' },
    { from: 'Split_Windows', to: 'Gateway_ComplaintEvents', name: 'Luôn', cond: '=true' },
    { from: 'Split_Windows', to: 'Gateway_PostponementEvents', name: 'Áp dụng', cond: '=decisionType = "apply"' },
    { from: 'Gateway_ComplaintEvents', to: 'Timer_ComplaintWindow' },
    { from: 'Gateway_ComplaintEvents', to: 'Catch_Complaint' },
    { from: 'Timer_ComplaintWindow', to: 'Gateway_ComplaintMerge' },
    ...chain('Catch_Complaint', 'Task_ResolveComplaint', 'Gateway_ComplaintMerge', 'Join_Windows'),
    { from: 'Gateway_PostponementEvents', to: 'Timer_PostponementWindow' },
    { from: 'Gateway_PostponementEvents', to: 'Catch_PostponementRequest' },
    { from: 'Timer_PostponementWindow', to: 'Gateway_PostponementMerge' },
    ...chain('Catch_PostponementRequest', 'Task_DecidePostponement', 'Gateway_PostponementMerge', 'Join_Windows'),
    { from: 'Join_Windows', to: 'Gateway_Outcome' },
    { from: 'Gateway_Outcome', to: 'End_Exempted', name: 'Miễn', cond: '=finalDecision = "apply" and postponementOutcome = "exemption_granted"' },
    { from: 'Gateway_Outcome', to: 'Task_PostponementEnded', name: 'Hoãn', cond: '=finalDecision = "apply" and postponementOutcome = "postponement_granted"' },
    { from: 'Gateway_Outcome', to: 'Gateway_EffectiveMerge', name: 'Áp dụng', cond: '=finalDecision = "apply" and postponementOutcome != "exemption_granted" and postponementOutcome != "postponement_granted"' },
    { from: 'Gateway_Outcome', to: 'Notify_NotApplied', name: 'Không áp dụng / đình chỉ', isDefault: true },
    ...chain('Task_PostponementEnded', 'Gateway_EffectiveMerge', 'End_Effective'),
    { from: 'Notify_NotApplied', to: 'End_NotApplied' },
    ...d17.flows,
    ...d19.flows,
  ],
};
