import { expect } from 'vitest';
import type { TaskRecord } from '../../../engine/index';
import { TaskDriver } from '../../../server/workflow-runtime/task-driver';
import type { ScenarioPlatform } from './scenario-platform';

interface TaskItem { id: string; element_id: string; candidate_groups: string[]; due_at: string | null; instance_id: string }

/** Drives tasks through the real HTTP API as demo users (list, open, claim, complete). */
export class HttpDriver {
  constructor(private readonly p: ScenarioPlatform) {}

  async get(username: string, url: string) {
    const s = await this.p.login(username);
    return this.p.app.inject({ method: 'GET', url, headers: s.headers });
  }

  async post(username: string, url: string, payload: unknown = {}) {
    return this.send('POST', username, url, payload);
  }

  async put(username: string, url: string, payload: unknown = {}) {
    return this.send('PUT', username, url, payload);
  }

  async patch(username: string, url: string, payload: unknown = {}) {
    return this.send('PATCH', username, url, payload);
  }

  async delete(username: string, url: string) {
    const s = await this.p.login(username);
    return this.p.app.inject({ method: 'DELETE', url, headers: s.headers });
  }

  private async send(method: 'POST' | 'PUT' | 'PATCH', username: string, url: string, payload: unknown) {
    const s = await this.p.login(username);
    return this.p.app.inject({ method, url, headers: s.headers, payload: payload as Record<string, unknown> });
  }

  /** Open tasks the user sees (all views the CASL rules allow). */
  async taskList(username: string, query = ''): Promise<TaskItem[]> {
    const response = await this.get(username, `/api/tasks?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: TaskItem[] }).items;
  }

  /**
   * `username` sees the open task `elementId` of the case in their list, opens it, and completes
   * it with the form's example data + overrides (validated by the server); then the job loop runs.
   */
  async complete(username: string, rootInstanceId: string, elementId: string, overrides: Record<string, unknown> = {}): Promise<TaskRecord> {
    const task = await this.p.driver.openTask(rootInstanceId, elementId);
    const listed = await this.taskList(username, `&instanceId=${task.instance_id}`);
    expect(listed.map((t) => t.element_id), `${username} should see ${elementId}`).toContain(elementId);
    const view = await this.get(username, `/api/tasks/${task.id}`);
    expect(view.statusCode, view.body).toBe(200);
    const form = await this.p.driver.formOf(task);
    // the task screen's data: the server's pre-fill (draft or variables), the example for the rest
    const prefilled = (view.json() as { data?: Record<string, unknown> }).data ?? {};
    const data = form ? TaskDriver.formData(form, { ...prefilled, ...overrides }) : {};
    const done = await this.post(username, `/api/tasks/${task.id}/complete`, form ? { data } : { variables: overrides });
    expect(done.statusCode, `${elementId} as ${username}: ${done.body}`).toBe(200);
    await this.p.app.workflowRuntime.drain();
    return task;
  }

  /** `username` neither lists the open task nor may open or complete it (403/404). */
  async cannotSee(username: string, rootInstanceId: string, elementId: string): Promise<void> {
    const task = await this.p.driver.openTask(rootInstanceId, elementId);
    const listed = await this.taskList(username);
    expect(listed.map((t) => t.id), `${username} must not list ${elementId}`).not.toContain(task.id);
    const view = await this.get(username, `/api/tasks/${task.id}`);
    expect([403, 404], `${username} GET ${elementId}`).toContain(view.statusCode);
    const claim = await this.post(username, `/api/tasks/${task.id}/claim`);
    expect([403, 404], `${username} claim ${elementId}`).toContain(claim.statusCode);
  }
}
