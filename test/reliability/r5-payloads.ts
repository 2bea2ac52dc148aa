import fc from 'fast-check';

/** Strings that attack a store-and-render path: HTML/script injection, SQL, LIKE wildcards, long, Vietnamese NFD. */
export const XSS_MARKER = 'qtxss';
export const hostileStrings = [
  `<script>window.${XSS_MARKER}=1;alert('${XSS_MARKER}')</script>`,
  `<img src=x onerror="console.log('${XSS_MARKER}');alert(1)">`,
  `"><svg onload=alert('${XSS_MARKER}')>`,
  `javascript:alert('${XSS_MARKER}')`,
  `{{constructor.constructor('alert("${XSS_MARKER}")')()}}`,
  "'; DROP TABLE person; --",
  "' OR '1'='1",
  '%_\\',
  '\u0000nul',
  'Nguye\u0302\u0303n Va\u0306n Hu\u0300ng', // NFD
  'Nguyễn Văn Hùng',
  '\u202Eevil\u202C',
  'x'.repeat(5000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...hostileStrings).chain((s) => fc.string({ maxLength: 8 }).map((p) => p + s.normalize(Math.random() < 0.5 ? 'NFD' : 'NFC'))),
);

const entityBomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="bomb" name="&lol6;" isExecutable="true"><bpmn:startEvent id="s"/></bpmn:process></bpmn:definitions>`;
const xxe = (target: string) => `<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "${target}">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:process id="xxe" name="&xxe;" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/></bpmn:process></bpmn:definitions>`;
const broken = (ref: string, name: string) => `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x"><bpmn:process id="broken_ref" name="${name.replace(/[<&"]/g, '')}" isExecutable="true">
<bpmn:startEvent id="s"/><bpmn:userTask id="t"><bpmn:extensionElements><zeebe:formDefinition formId="${ref.replace(/[<&"]/g, '')}"/></bpmn:extensionElements></bpmn:userTask>
<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="${ref.replace(/[<&"]/g, '')}"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="nowhere"/>
<bpmn:boundaryEvent id="b" attachedToRef="missing"/></bpmn:process></bpmn:definitions>`;

export const bpmnPayload: fc.Arbitrary<string> = fc.oneof(
  fc.constant(entityBomb),
  fc.constantFrom('file:///etc/passwd', 'http://127.0.0.1:1/x', 'file:///proc/self/environ').map(xxe),
  fc.tuple(hostileString, hostileString).map(([a, b]) => broken(a, b)),
  fc.string({ maxLength: 200 }),
  fc.constant('<'.repeat(100_000)),
  fc.constant(`<?xml version="1.0"?>${'<a>'.repeat(20_000)}`),
);

/** Raw JSON texts a parser must survive: deep nesting, prototype keys, huge numbers, duplicate keys. */
export const rawJsonBody: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1_000, max: 60_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1_000, max: 20_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  hostileString.map((s) => `{"__proto__":{"polluted":${JSON.stringify(s)}},"constructor":{"prototype":{"polluted":1}},"fullName":${JSON.stringify(s)},"communeCode":"99130"}`),
  fc.constant('{"data":{"__proto__":{"polluted":1}},"variables":{"constructor":{"prototype":{"polluted":1}}}}'),
  fc.constant('{"fullName":"a","fullName":"b","communeCode":"99130"}'),
  fc.constant('{"n": 1e999999}'),
  fc.string({ maxLength: 50 }),
);

/** Bytes that are not valid UTF-8 inside JSON strings. */
export const invalidUtf8Body: fc.Arbitrary<Buffer> = fc.uint8Array({ minLength: 1, maxLength: 12 }).map((junk) =>
  Buffer.concat([Buffer.from('{"fullName":"'), Buffer.from([0xc3, 0x28, 0xff, ...junk]), Buffer.from('","communeCode":"99130"}')]));
