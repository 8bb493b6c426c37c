'use client';

import { useActionState } from 'react';
import { Button } from '../../components/ui/button';
import { Field, inputClass } from '../../components/ui/field';
import { createOwner, type SetupState } from './actions';

export function SetupForm() {
  const [state, action, pending] = useActionState<SetupState, FormData>(createOwner, {});
  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <Field label="Workspace name">{(id) => <input id={id} name="workspace" required className={inputClass} placeholder="Northwind Traders" data-testid="setup-workspace" />}</Field>
      <Field label="Your name">{(id) => <input id={id} name="name" required autoComplete="name" className={inputClass} data-testid="setup-name" />}</Field>
      <Field label="E-mail">{(id) => <input id={id} name="email" type="email" required autoComplete="username" className={inputClass} data-testid="setup-email" />}</Field>
      <Field label="Password" help="At least 12 characters.">{(id) => <input id={id} name="password" type="password" required minLength={12} autoComplete="new-password" className={inputClass} data-testid="setup-password" />}</Field>
      {state.error && (
        <p role="alert" className="text-sm text-red-700" data-testid="setup-error">
          {state.error}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending} className="w-full justify-center" data-testid="setup-submit">
        {pending ? 'Creating…' : 'Create workspace and owner'}
      </Button>
    </form>
  );
}
