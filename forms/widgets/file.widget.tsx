import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState, type ChangeEvent } from 'react';
import { contextOf, formatBytes, pick, type UploadedFile } from './form-context';

export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** What the server's content sniffing accepts (attachments/content-sniffer.ts). */
export const DEFAULT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.txt,.csv';

/**
 * `file`: uploads through `formContext.uploadFile(file)` (which stores an attachment row) and keeps
 * the attachment ids as the value (array of uuid strings). Shows names and sizes, refuses files over
 * the limit (`ui:options.maxBytes` or `formContext.maxUploadBytes`) before uploading. `ui:options.accept`
 * sets the input's accept list (default: the types the server accepts); `ui:options.multiple: false`
 * keeps one file.
 */
export function FileWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, registry, options, rawErrors } = props;
  const ctx = contextOf(registry);
  const locale = ctx.locale;
  const ids: string[] = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const maxBytes = typeof options.maxBytes === 'number' ? options.maxBytes : (ctx.maxUploadBytes ?? DEFAULT_UPLOAD_MAX_BYTES);
  const multiple = options.multiple !== false;
  const [files, setFiles] = useState<Record<string, UploadedFile>>({});
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const unknown = ids.filter((x) => !files[x]);
    if (unknown.length === 0 || !ctx.describeAttachments) return;
    let cancelled = false;
    void ctx.describeAttachments(unknown).then((list) => {
      if (!cancelled) setFiles((prev) => ({ ...prev, ...Object.fromEntries(list.map((f) => [f.id, f])) }));
    });
    return () => {
      cancelled = true;
    };
  }, [ids.join(',')]);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(event.target.files ?? [])];
    event.target.value = '';
    setError(undefined);
    const tooBig = picked.find((f) => f.size > maxBytes);
    if (tooBig) {
      setError(
        pick(
          locale,
          `Tệp "${tooBig.name}" vượt quá dung lượng cho phép (${formatBytes(maxBytes, locale)})`,
          `File "${tooBig.name}" exceeds the size limit (${formatBytes(maxBytes, locale)})`,
        ),
      );
      return;
    }
    if (!ctx.uploadFile) {
      setError(pick(locale, 'Chưa cấu hình tải tệp lên', 'File upload is not configured'));
      return;
    }
    setBusy(true);
    try {
      const uploaded: UploadedFile[] = [];
      for (const file of picked) uploaded.push(await ctx.uploadFile(file));
      setFiles((prev) => ({ ...prev, ...Object.fromEntries(uploaded.map((f) => [f.id, f])) }));
      const next = multiple ? [...ids, ...uploaded.map((f) => f.id)] : uploaded.slice(-1).map((f) => f.id);
      onChange(next);
    } catch (e) {
      setError(pick(locale, 'Tải tệp lên thất bại: ', 'Upload failed: ') + (e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const remove = (attachmentId: string) => {
    const next = ids.filter((x) => x !== attachmentId);
    onChange(next.length === 0 ? undefined : next);
  };

  return (
    <div className="qt-file" data-testid={`${id}-files`}>
      <ul className="qt-file-list" aria-live="polite">
        {ids.map((attachmentId) => {
          const f = files[attachmentId];
          return (
            <li key={attachmentId} data-testid={`${id}-file-${attachmentId}`}>
              <span className="qt-file-name">{f ? f.fileName : attachmentId}</span>
              {f && <span className="qt-file-size"> ({formatBytes(f.size, locale)})</span>}
              {!readonly && !disabled && (
                <button
                  type="button"
                  data-testid={`${id}-remove-${attachmentId}`}
                  aria-label={pick(locale, `Xóa tệp ${f?.fileName ?? ''}`, `Remove file ${f?.fileName ?? ''}`)}
                  onClick={() => remove(attachmentId)}
                >
                  {pick(locale, 'Xóa', 'Remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readonly && (
        <input
          id={id}
          name={id}
          data-testid={id}
          type="file"
          multiple={multiple}
          accept={typeof options.accept === 'string' ? options.accept : DEFAULT_ACCEPT}
          required={required && ids.length === 0}
          disabled={disabled || busy}
          aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
          aria-describedby={`${id}__upload-error`}
          onChange={(e) => void upload(e)}
        />
      )}
      {busy && <span role="status">{pick(locale, 'Đang tải lên…', 'Uploading…')}</span>}
      <div id={`${id}__upload-error`} role="alert" data-testid={`${id}-upload-error`} className="qt-file-error">
        {error}
      </div>
    </div>
  );
}
