import { describe, expect, it } from 'vitest';
import { isTemplate, renderMail } from '../../../server/mail/templates';
import { loadProcedureXml, procedures } from '../../../workflows/index';

/** Every `email.send` task of a BPMN with its `template` input (a FEEL string literal). */
function emailTemplates(xml: string): { elementId: string; template: string | null }[] {
  const found: { elementId: string; template: string | null }[] = [];
  for (const m of xml.matchAll(/<zeebe:taskDefinition type="email\.send"/g)) {
    const at = m.index ?? 0;
    const opening = [...xml.slice(0, at).matchAll(/<bpmn:\w+ id="([^"]+)"/g)].at(-1);
    const extension = xml.slice(at, xml.indexOf('</bpmn:extensionElements>', at));
    const input = /<zeebe:input source="=&quot;([^&]+)&quot;" target="template"/.exec(extension);
    found.push({ elementId: opening?.[1] ?? '?', template: input ? input[1] : null });
  }
  return found;
}

describe('mail templates of the shipped procedures', () => {
  const used = procedures.flatMap((p) => emailTemplates(loadProcedureXml(p.key)).map((t) => ({ procedure: p.key, ...t })));

  it('should find the email.send tasks of the shipped BPMNs', () => {
    // then the walk sees them (a regression here would make the next test vacuous)
    expect(used.map((u) => `${u.procedure}/${u.elementId}`).sort()).toEqual([
      'addiction-determination/Send_Result', 'court-decision/Notify_NotApplied', 'court-decision/Notify_Procuracy', 'court-decision/Send_Decision',
    ]);
  });

  it('should have a server mail template for every template name a shipped BPMN uses', () => {
    const missing = used.filter((u) => !isTemplate(u.template));
    expect(missing).toEqual([]);
  });

  it('should render every used template with a Vietnamese and an English subject and body', () => {
    for (const name of new Set(used.map((u) => u.template))) {
      if (!isTemplate(name)) continue;
      // given
      const params = { recipientName: 'Nguyễn Văn A', caseCode: 'HS-20260302-ABCDEF', stepName: 'Gửi quyết định', link: 'https://qt.example/cases/1' };
      // when
      const vi = renderMail(name, 'vi', params);
      const en = renderMail(name, 'en', params);
      // then
      expect(vi.subject, name).toMatch(/^\[Quy Trình\] .*HS-20260302-ABCDEF/);
      expect(en.subject, name).toMatch(/^\[Quy Trinh\] .*HS-20260302-ABCDEF/);
      expect(vi.text, name).toContain('Kính gửi Nguyễn Văn A');
      expect(en.text, name).toContain('Dear Nguyễn Văn A');
      for (const mail of [vi, en]) {
        expect(mail.text, name).toContain('https://qt.example/cases/1');
        expect(`${mail.subject}${mail.text}`, name).not.toContain('undefined');
      }
      expect(vi.text).not.toEqual(en.text);
    }
  });
});
