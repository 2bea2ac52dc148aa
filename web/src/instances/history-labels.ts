/** Readable names of the engine's history event types (history_event.type). */
const LABELS: Record<string, [string, string]> = {
  'instance.started': ['Bắt đầu quy trình', 'Procedure started'],
  'instance.completed': ['Kết thúc quy trình', 'Procedure completed'],
  'instance.terminated': ['Quy trình bị dừng', 'Procedure terminated'],
  'instance.cancelled': ['Hủy quy trình', 'Procedure cancelled'],
  'instance.migrated': ['Chuyển phiên bản', 'Migrated'],
  'instance.modified': ['Điều chỉnh tiến trình', 'Modified'],
  'element.activated': ['Bắt đầu bước', 'Step started'],
  'element.completed': ['Xong bước', 'Step completed'],
  'element.terminated': ['Dừng bước', 'Step stopped'],
  'task.created': ['Giao việc', 'Task created'],
  'task.completed': ['Hoàn thành việc', 'Task completed'],
  'task.cancelled': ['Hủy việc', 'Task cancelled'],
  'task.claimed': ['Nhận việc', 'Task claimed'],
  'task.unclaimed': ['Trả lại việc', 'Task unclaimed'],
  'task.assigned': ['Phân công', 'Task assigned'],
  'task.delegated': ['Chuyển giao', 'Task delegated'],
  'job.created': ['Tạo tác vụ nền', 'Job created'],
  'job.completed': ['Xong tác vụ nền', 'Job completed'],
  'job.failed': ['Tác vụ nền lỗi', 'Job failed'],
  'timer.fired': ['Đến hạn thời gian', 'Timer fired'],
  'message.correlated': ['Nhận thông điệp', 'Message received'],
  'signal.received': ['Nhận tín hiệu', 'Signal received'],
  'error.thrown': ['Phát sinh lỗi nghiệp vụ', 'Business error thrown'],
  'escalation.thrown': ['Báo cáo vượt cấp', 'Escalation thrown'],
  'incident.created': ['Phát sinh sự cố', 'Incident raised'],
  'incident.resolved': ['Đã xử lý sự cố', 'Incident resolved'],
  'variables.updated': ['Cập nhật dữ liệu', 'Data updated'],
};

export function historyLabel(type: string, locale: 'vi' | 'en'): string {
  const label = LABELS[type];
  return label ? label[locale === 'vi' ? 0 : 1] : type;
}
