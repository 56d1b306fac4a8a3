import { useState } from 'preact/hooks';

/** The outcome of the person's last action: calm news in the status region, trouble in an alert. */
export interface Outcome {
  status: string;
  alert: string | null;
  report(lines: string[], urgent: boolean): void;
}

export function useOutcome(): Outcome {
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  return {
    status,
    alert,
    report(lines, urgent) {
      setStatus(urgent ? '' : lines.join('\n'));
      setAlert(urgent ? lines.join('\n') : null);
    },
  };
}
