import type { DesignerLocale } from '../i18n/translate.module';

/** Friendly names of the property paths a variant usually changes. */
const LABELS: Record<string, { vi: string; en: string }> = {
  name: { vi: 'Tên', en: 'Name' },
  $type: { vi: 'Loại phần tử', en: 'Element type' },
  $parent: { vi: 'Nằm trong', en: 'Contained in' },
  sourceRef: { vi: 'Từ', en: 'From' },
  targetRef: { vi: 'Đến', en: 'To' },
  default: { vi: 'Luồng mặc định', en: 'Default flow' },
  'conditionExpression.body': { vi: 'Điều kiện', en: 'Condition' },
  'extensionElements.zeebe:taskSchedule.dueDate': { vi: 'Hạn xử lý', en: 'Due date' },
  'extensionElements.zeebe:taskSchedule.followUpDate': { vi: 'Ngày nhắc', en: 'Follow-up date' },
  'extensionElements.zeebe:assignmentDefinition.candidateGroups': { vi: 'Nhóm được giao', en: 'Candidate groups' },
  'extensionElements.zeebe:assignmentDefinition.candidateUsers': { vi: 'Người dùng được giao', en: 'Candidate users' },
  'extensionElements.zeebe:assignmentDefinition.assignee': { vi: 'Người được giao', en: 'Assignee' },
  'extensionElements.zeebe:formDefinition.formId': { vi: 'Biểu mẫu', en: 'Form' },
  'extensionElements.zeebe:taskDefinition.type': { vi: 'Loại công việc', en: 'Job type' },
  'extensionElements.zeebe:taskDefinition.retries': { vi: 'Số lần thử lại', en: 'Retries' },
  'extensionElements.zeebe:calledElement.processId': { vi: 'Quy trình được gọi', en: 'Called process' },
  'extensionElements.zeebe:subscription.correlationKey': { vi: 'Khóa liên kết', en: 'Correlation key' },
  'eventDefinitions.timer.timeDuration.body': { vi: 'Hẹn giờ (khoảng thời gian)', en: 'Timer (duration)' },
  'eventDefinitions.timer.timeDate.body': { vi: 'Hẹn giờ (ngày giờ)', en: 'Timer (date)' },
  'eventDefinitions.timer.timeCycle.body': { vi: 'Hẹn giờ (chu kỳ)', en: 'Timer (cycle)' },
};

export function propertyLabel(key: string, locale: DesignerLocale): string {
  const label = LABELS[key]?.[locale];
  if (label) return label;
  const io = /^extensionElements\.zeebe:ioMapping\.(input|output)Parameters\.(input|output)\[(.*)\]\.source$/.exec(key);
  if (io) return `${locale === 'vi' ? (io[1] === 'input' ? 'Đầu vào' : 'Đầu ra') : io[1] === 'input' ? 'Input' : 'Output'} ${io[3]}`;
  return key;
}
