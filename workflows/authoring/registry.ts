import type { FormSpec } from './form-dsl';
import type { ProcessSpec } from './model';
import { addictionDetermination } from './procedures/addiction-determination';
import { addictionDeterminationForms } from './forms/addiction-determination.forms';
import { compulsoryDossier } from './procedures/compulsory-dossier';
import { compulsoryDossierForms } from './forms/compulsory-dossier.forms';
import { courtDecision } from './procedures/court-decision';
import { courtDecisionForms } from './forms/court-decision.forms';
import { escortAdmission } from './procedures/escort-admission';
import { escortAdmissionForms } from './forms/escort-admission.forms';
import { postRehabSupervision } from './procedures/post-rehab-supervision';
import { postRehabSupervisionForms } from './forms/post-rehab-supervision.forms';
import { illegalUserManagement } from './procedures/illegal-user-management';
import { voluntaryRegistration } from './procedures/voluntary-registration';
import { illegalUserForms, voluntaryForms } from './forms/feeders.forms';

/** Every procedure spec, in the order of procedures.ts. */
export const processSpecs: ProcessSpec[] = [addictionDetermination, compulsoryDossier, courtDecision, escortAdmission, postRehabSupervision, illegalUserManagement, voluntaryRegistration];
export const formSpecs: FormSpec[] = [...addictionDeterminationForms, ...compulsoryDossierForms, ...courtDecisionForms, ...escortAdmissionForms, ...postRehabSupervisionForms, ...illegalUserForms, ...voluntaryForms];
