import { useState } from 'react';
import { useAdminDevice } from '../AdminContext';
import { fetchOrdersCsv } from '../api/statsApi';

export interface CsvExport {
  readonly busy: boolean;
  readonly error: string | null;
  readonly download: (from: number, to: number) => Promise<void>;
}

/** Fetches the orders CSV with the admin's bearer and hands it to the browser as a download. */
export function useCsvExport(): CsvExport {
  const admin = useAdminDevice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (from: number, to: number) => {
    const token = admin.token();
    if (!token) return;
    setBusy(true);
    const file = await fetchOrdersCsv(token, { from, to });
    setBusy(false);
    if (!file.ok) return setError(file.error.message);
    setError(null);
    const url = URL.createObjectURL(file.value.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.value.fileName;
    link.click();
    // The browser has taken its copy once the click is handled; the URL would otherwise hold the file.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return { busy, error, download };
}
