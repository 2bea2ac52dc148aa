/** An error answer of the API: `{ error: { code, message: { vi, en }, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { vi: string; en: string },
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'ApiError';
  }

  text(locale: 'vi' | 'en'): string {
    return this.messages[locale] ?? this.messages.en;
  }
}

const networkMessages = {
  vi: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
  en: 'Cannot reach the server. Check the connection and try again.',
};

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', networkMessages);
}
