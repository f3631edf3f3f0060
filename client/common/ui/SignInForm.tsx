import { useState, type FormEvent } from 'react';
import type { CommandOutcome } from '../commands/commandOutcome';
import { ErrorLine } from './ErrorLine';

export interface SignInFormProps {
  readonly title: string;
  readonly onSignIn: (email: string, password: string) => Promise<CommandOutcome>;
  /** Why the user is here again, when it was not their choice. */
  readonly notice?: string | null;
}

export function SignInForm({ title, onSignIn, notice = null }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await onSignIn(email.trim(), password);
    setBusy(false);
    if (!outcome.ok) setError(outcome.error.message);
  };

  return (
    <main className="sign-in">
      <form className="card sign-in__form" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{title}</h1>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        <label className="field">
          <span>Email</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorLine message={error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
