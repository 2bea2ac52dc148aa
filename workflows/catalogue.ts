/**
 * Job types the server must register workers for, and the messages that hand procedures over
 * to each other (all correlated on `=personId`). Kept in sync with the .bpmn files by test/workflows.
 */
export const jobTypes: Record<string, string> = {
  'person.status.set': 'Append a status to the person record (input `status`: illegal_user_managed | addicted | voluntary_rehab | methadone | interim_management | compulsory_rehab | post_rehab | closed).',
  'document.render': 'Render the paper Mẫu for the case into a PDF attachment (input `template`).',
  'email.send': 'Send a notification email through the outbox (inputs `template`, `toGroup` = candidate group of the recipients).',
  'notification.deadline-warning': 'Warn the task assignees/candidates that a legal deadline is near (inputs `deadline` = D-number, `elementId`).',
  'notification.deadline-escalation': 'Escalate an overdue legal deadline to the supervisors of the agency (inputs `deadline`, `elementId`).',
  'message.publish': 'Publish the message `messageName` (input) with `correlationKey` (input, = personId) and the job variables, which start or continue the receiving procedure (message throw and end events, as in Camunda 8).',
  'case.transfer': 'Move the case to another commune (input `toCommuneCode`); updates the case jurisdiction and scope.',
};

/** Messages: `source` = who publishes (a procedure's throw/end event, or the server API / an integration). */
export const messageNames: Record<string, { description: string; publishedBy: string[]; startsProcess?: string }> = {
  DeterminationRequested: { description: 'A person must undergo addiction determination.', publishedBy: ['illegal-user-management'], startsProcess: 'addiction-determination' },
  DeterminationConcluded: { description: 'Result sheet issued (variable conclusion).', publishedBy: ['addiction-determination'] },
  VoluntaryRegistrationReceived: { description: 'Registration for voluntary rehab / methadone received (Mẫu 22).', publishedBy: ['addiction-determination'], startsProcess: 'voluntary-registration' },
  CompulsoryDossierRequested: { description: 'A compulsory-rehab trigger was recorded (Mẫu 27 or relapse).', publishedBy: ['addiction-determination', 'voluntary-registration', 'post-rehab-supervision'], startsProcess: 'compulsory-dossier' },
  InterimAbsconded: { description: 'A family-managed person absconded during interim management.', publishedBy: ['server'] },
  DossierFiledWithCourt: { description: 'The compulsory dossier was filed with the court.', publishedBy: ['compulsory-dossier'], startsProcess: 'court-decision' },
  ComplaintFiled: { description: 'Complaint / petition / protest against the court decision.', publishedBy: ['server'] },
  PostponementRequested: { description: 'Request for postponement or exemption (Mẫu 42a/42b).', publishedBy: ['server'] },
  ConsiderationResumed: { description: 'A suspended court consideration resumes.', publishedBy: ['server'] },
  CompulsoryDecisionEffective: { description: 'The court decision to apply the measure takes effect.', publishedBy: ['court-decision'], startsProcess: 'escort-admission' },
  EscortResumed: { description: 'Force majeure ended; the escort deadline restarts.', publishedBy: ['server'] },
  PersonFound: { description: 'An absconding person was found.', publishedBy: ['server'] },
  PersonEscaped: { description: 'A person escaped from the centre.', publishedBy: ['server'] },
  RehabCompleted: { description: 'Rehab / methadone / compulsory term completed (certificate 26a/26b/46).', publishedBy: ['escort-admission', 'voluntary-registration'], startsProcess: 'post-rehab-supervision' },
  AdhocTestOrdered: { description: 'Commune police order an ad-hoc drug test.', publishedBy: ['server'] },
  AbsenceReported: { description: 'Absence of a person under post-rehab management recorded.', publishedBy: ['server'] },
  PersonMoved: { description: 'The person moves to another commune.', publishedBy: ['server'] },
  PostRehabFileTransferred: { description: 'Post-rehab file transferred to the new commune (Mẫu 53).', publishedBy: ['post-rehab-supervision'], startsProcess: 'post-rehab-supervision' },
  SupervisionTerminated: { description: 'Prison sentence, death or declared missing during post-rehab management.', publishedBy: ['server'] },
  IllegalUserFileTransferred: { description: 'Illegal-user management file transferred to the new commune (Mẫu 08).', publishedBy: ['illegal-user-management'], startsProcess: 'illegal-user-management' },
  ManagementStopped: { description: 'Grounds to stop illegal-user management (Mẫu 09): other measure, prison, death.', publishedBy: ['server'] },
  TreatmentStarted: { description: 'Provider / methadone facility notifies the start of treatment (D10).', publishedBy: ['server'] },
  TreatmentCompleted: { description: 'Provider notifies completion.', publishedBy: ['server'] },
  TreatmentQuit: { description: 'Provider notifies that the person quit or was terminated.', publishedBy: ['server'] },
  DrugUseDuringTreatment: { description: 'Drug use detected during voluntary rehab.', publishedBy: ['server'] },
};
