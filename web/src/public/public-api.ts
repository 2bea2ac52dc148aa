import { api } from '../api/client';

export interface PublicRegistration {
  fullName: string;
  dateOfBirth?: string;
  idNumber?: string;
  phone: string;
  communeCode: string;
  address?: string;
  rehabForm: 'home' | 'centre';
}

export interface PublicReport {
  anonymous: boolean;
  fullName?: string;
  phone?: string;
  communeCode: string;
  location?: string;
  description: string;
}

export interface PublicStatus {
  code: string;
  kind: 'registration' | 'report';
  receivedAt: string;
  state: string;
  currentSteps: string[];
}

/** Public endpoints (server/routes/public.routes.ts): no session, rate limited, tracking codes. */
export const publicApi = {
  communes: (signal?: AbortSignal) => api<{ items: { code: string; name: string }[] }>('GET', '/api/public/communes', { signal }),
  register: (body: PublicRegistration) => api<{ code: string }>('POST', '/api/public/registrations', { body }),
  report: (body: PublicReport) => api<{ code: string }>('POST', '/api/public/reports', { body }),
  status: (code: string, signal?: AbortSignal) => api<PublicStatus>('GET', `/api/public/status/${encodeURIComponent(code)}`, { signal }),
};
