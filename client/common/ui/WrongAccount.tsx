import type { Role } from '../../../shared/roles';
import { wrongAppText } from '../session/appGate';

/** A device still signed in to an account this app is not for (from before the app checked): say so, offer to sign out. */
export function WrongAccount({ app, role, onSignOut }: { readonly app: Role; readonly role: Role; readonly onSignOut: () => void }) {
  return (
    <main className="sign-in">
      <section className="card sign-in__form" role="alert" aria-labelledby="wrong-account-title">
        <h1 id="wrong-account-title">Signed in with another kind of account</h1>
        <p>{wrongAppText(app, role)}</p>
        <p>Sign out here, then sign in with the right account, or open your own app.</p>
        <button type="button" className="button button--primary" onClick={onSignOut}>
          Sign out
        </button>
      </section>
    </main>
  );
}
