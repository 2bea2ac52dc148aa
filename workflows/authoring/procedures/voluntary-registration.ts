import { G, chain, sla, task, wd } from '../dsl';
import type { ProcessSpec } from '../model';

const d8 = sla('Task_TreatmentDecision', 'D8', wd(2), wd(3));

/** Feeder — DOMAIN.md §3 (L73 Art 28–31, 41; ND116 Art 28–38). */
export const voluntaryRegistration: ProcessSpec = {
  id: 'voluntary-registration',
  name: 'Đăng ký cai nghiện tự nguyện / điều trị methadone',
  doc: 'Quy trình đầu vào (L73 Điều 28–31, 41; NĐ116 Điều 28–38; NĐ 90/2016 cho methadone – chưa xác nhận còn hiệu lực). Biến đầu vào: personId, caseId, communeCode, provinceCode, ruleset, treatmentType (voluntary_home | voluntary_community | voluntary_centre | methadone). Vi phạm (không thực hiện, tự ý chấm dứt, sử dụng trong thời gian cai) → biên bản Mẫu 27 → thông điệp CompulsoryDossierRequested.',
  nodes: [
    { id: 'Start_Registered', type: 'startEvent', name: 'Đã đăng ký sau khi xác định nghiện', message: 'VoluntaryRegistrationReceived' },
    { id: 'Start_Direct', type: 'startEvent', name: 'Người nghiện đến đăng ký' },
    task('Task_ReceiveRegistration', 'Tiếp nhận tờ khai đăng ký (Mẫu 22), vào sổ (Mẫu 23)', 'voluntary.registration', G.communeCommittee, wd(1),
      { doc: 'Đăng ký tại UBND xã nơi cư trú; không có nơi cư trú ổn định thì nơi phát hiện vi phạm và cai nghiện tại cơ sở công lập (NĐ116 Điều 28).' }),
    { id: 'Gateway_StartMerge', type: 'exclusiveGateway', name: '' },
    task('Task_Appraise', 'Công an xã thẩm định hồ sơ đăng ký', 'voluntary.appraisal', G.communePolice, wd(2)),
    task('Task_TreatmentDecision', 'Quyết định cai nghiện tự nguyện / điều trị methadone (Mẫu 24)', 'voluntary.decision', G.communeCommittee, wd(3),
      { deadline: 'D8', doc: 'Trong 03 ngày làm việc kể từ khi đăng ký (NĐ116 Điều 30(1)); thủ tục 1.010941.' }),
    ...d8.nodes,
    { id: 'Status_Treatment', type: 'serviceTask', name: 'Cập nhật trạng thái đối tượng', job: 'person.status.set',
      inputs: [['status', '=if treatmentType = "methadone" then "methadone" else "voluntary_rehab"']] },
    { id: 'Gateway_StartEvents', type: 'eventBasedGateway', name: '' },
    { id: 'Catch_TreatmentStarted', type: 'intermediateCatchEvent', name: 'Cơ sở thông báo bắt đầu', message: 'TreatmentStarted', deadline: 'D10',
      doc: 'Cơ sở cai nghiện / điều trị thông báo UBND xã trong 05 ngày làm việc.' },
    { id: 'Timer_NotStarted', type: 'intermediateCatchEvent', name: 'Quá 05 ngày làm việc chưa thực hiện', timer: { date: wd(5) }, deadline: 'D9',
      doc: '"Không thực hiện" = không bắt đầu trong 05 ngày làm việc kể từ quyết định (NĐ116 Điều 3(4)).' },
    {
      id: 'SubProcess_Treatment', type: 'subProcess', name: 'Cai nghiện / điều trị (6–12 tháng)',
      children: [
        { id: 'Start_Treatment', type: 'startEvent', name: 'Bắt đầu điều trị' },
        { id: 'Receive_Completed', type: 'receiveTask', name: 'Chờ thông báo hoàn thành', message: 'TreatmentCompleted' },
        { id: 'End_Treatment', type: 'endEvent', name: 'Hoàn thành' },
        {
          id: 'EventSub_Move', type: 'subProcess', triggeredByEvent: true, name: 'Thay đổi nơi cư trú',
          children: [
            { id: 'Start_Move', type: 'startEvent', name: 'Người cai nghiện chuyển đi', interrupting: false, message: 'PersonMoved' },
            task('Task_TransferVoluntary', 'Chuyển hồ sơ cai nghiện tự nguyện (Mẫu 25)', 'voluntary.transfer', G.communeCommittee, wd(5),
              { doc: 'NĐ116 Điều 32(2): gửi kèm quyết định, có sự hỗ trợ của Công an xã.' }),
            { id: 'Service_TransferCase', type: 'serviceTask', name: 'Chuyển hồ sơ sang xã nơi đến', job: 'case.transfer', inputs: [['toCommuneCode', '=newCommuneCode']] },
            { id: 'End_Moved', type: 'endEvent', name: 'Đã chuyển hồ sơ' },
          ],
          flows: chain('Start_Move', 'Task_TransferVoluntary', 'Service_TransferCase', 'End_Moved'),
        },
      ],
      flows: chain('Start_Treatment', 'Receive_Completed', 'End_Treatment'),
    },
    { id: 'Boundary_Quit', type: 'boundaryEvent', name: 'Tự ý chấm dứt / bị chấm dứt điều trị', attachedTo: 'SubProcess_Treatment', message: 'TreatmentQuit' },
    { id: 'Boundary_DrugUse', type: 'boundaryEvent', name: 'Sử dụng ma túy trong thời gian cai', attachedTo: 'SubProcess_Treatment', message: 'DrugUseDuringTreatment' },
    { id: 'Gateway_ViolationMerge', type: 'exclusiveGateway', name: '' },
    task('Task_ViolationRecord', 'Lập biên bản vi phạm (Mẫu 27)', 'voluntary.violation-record', G.communePolice, wd(1),
      { doc: 'Chủ tịch UBND xã hoặc Trưởng Công an xã lập biên bản (NĐ116 Điều 33).' }),
    { id: 'End_Violation', type: 'endEvent', name: 'Chuyển lập hồ sơ cai nghiện bắt buộc', message: 'CompulsoryDossierRequested',
      inputs: [['triggerType', '=violationType']] },
    task('Task_CompletionCertificate', 'Giấy chứng nhận hoàn thành (Mẫu 26a / 26b)', 'voluntary.completion', G.communeCommittee, wd(5),
      { deadline: 'D10', doc: 'UBND xã cấp Mẫu 26a (tại gia đình, cộng đồng); cơ sở cấp Mẫu 26b (tại cơ sở). Một bản gửi Công an xã để quản lý sau cai (NĐ116 Điều 32(3), 38).' }),
    { id: 'End_Completed', type: 'endEvent', name: 'Hoàn thành, chuyển quản lý sau cai', message: 'RehabCompleted',
      inputs: [['sourceType', '=if treatmentType = "methadone" then "METHADONE" else "VOLUNTARY"']] },
  ],
  flows: [
    ...chain('Start_Direct', 'Task_ReceiveRegistration', 'Gateway_StartMerge'),
    ...chain('Start_Registered', 'Gateway_StartMerge', 'Task_Appraise', 'Task_TreatmentDecision', 'Status_Treatment', 'Gateway_StartEvents'),
    { from: 'Gateway_StartEvents', to: 'Catch_TreatmentStarted' },
    { from: 'Gateway_StartEvents', to: 'Timer_NotStarted' },
    ...chain('Catch_TreatmentStarted', 'SubProcess_Treatment', 'Task_CompletionCertificate', 'End_Completed'),
    { from: 'Timer_NotStarted', to: 'Gateway_ViolationMerge' },
    { from: 'Boundary_Quit', to: 'Gateway_ViolationMerge' },
    { from: 'Boundary_DrugUse', to: 'Gateway_ViolationMerge' },
    ...chain('Gateway_ViolationMerge', 'Task_ViolationRecord', 'End_Violation'),
    ...d8.flows,
  ],
};
