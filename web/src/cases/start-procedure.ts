import { api } from '../api/client';
import { instanceApi, jurisdictionApi, type Person } from '../api/endpoints';
import { procedureName } from './procedures';

/**
 * Opens a case for the person and starts the procedure with the well-known variables
 * (docs/conventions.md): personId, caseId, communeCode, districtCode (2022 only), provinceCode,
 * ruleset (the administrative structure of the person's commune), isMinor.
 */
export async function startProcedureFor(person: Person, procedureKey: string, locale: 'vi' | 'en'): Promise<{ instanceId: string }> {
  const commune = (await jurisdictionApi.get(person.commune_code)) as { path: string; structure?: string };
  const segments = commune.path.split('/').filter(Boolean);
  const kase = await api<{ id: string; code: string }>('POST', '/api/cases', { body: { personId: person.id, procedureKey, title: procedureName(procedureKey, locale) } });
  const age = person.date_of_birth ? (Date.now() - new Date(person.date_of_birth).getTime()) / (365.25 * 86_400_000) : null;
  return instanceApi.start({
    definitionKey: procedureKey,
    businessKey: kase.code,
    variables: {
      personId: person.id,
      caseId: kase.id,
      communeCode: person.commune_code,
      provinceCode: segments[0],
      ...(segments.length >= 3 ? { districtCode: segments[1] } : {}),
      ruleset: commune.structure === '2022' ? '2022' : '2025',
      ...(age !== null ? { isMinor: age < 18 } : {}),
    },
  });
}
