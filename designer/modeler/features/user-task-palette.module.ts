/**
 * Palette entries for the elements our procedures are made of — user task and service task —
 * so an admin does not have to create a generic task and change its type (a generic task is
 * not executable and lint rejects it). One behaviour: adds two palette entries.
 */
interface Shape {
  type: string;
}
interface ElementFactory {
  createShape(attrs: { type: string }): Shape;
}
interface Create {
  start(event: Event, shape: Shape): void;
}
interface Palette {
  registerProvider(priority: number, provider: { getPaletteEntries(): Record<string, unknown> }): void;
}
type Translate = (template: string) => string;

function TaskPaletteProvider(this: unknown, palette: Palette, create: Create, elementFactory: ElementFactory, translate: Translate) {
  function entry(type: string, className: string, title: string) {
    const start = (event: Event) => create.start(event, elementFactory.createShape({ type }));
    return { group: 'activity', className, title: translate(title), action: { dragstart: start, click: start } };
  }
  palette.registerProvider(500, {
    getPaletteEntries: () => ({
      'create.user-task': entry('bpmn:UserTask', 'bpmn-icon-user-task', 'Create user task'),
      'create.service-task': entry('bpmn:ServiceTask', 'bpmn-icon-service-task', 'Create service task'),
    }),
  });
}
TaskPaletteProvider.$inject = ['palette', 'create', 'elementFactory', 'translate'];

export const taskPaletteModule = {
  __init__: ['taskPaletteProvider'],
  taskPaletteProvider: ['type', TaskPaletteProvider] as ['type', unknown],
};
