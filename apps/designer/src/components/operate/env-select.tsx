'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../../lib/trpc';
import { inputClass } from '../ui/field';

/** Environment picker; with `required`, it selects the first environment once they load. */
export function EnvSelect({
  value,
  onChange,
  required = false,
  id,
  label = 'Environment',
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  required?: boolean;
  id?: string;
  label?: string;
}) {
  const trpc = useTRPC();
  const envs = useQuery(trpc.environments.list.queryOptions());
  const first = envs.data?.[0]?.id;
  useEffect(() => {
    if (required && !value && first) onChange(first);
  }, [required, value, first, onChange]);
  return (
    <select
      id={id}
      aria-label={label}
      className={`${inputClass} w-auto`}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
      data-testid="env-select"
    >
      {!required && <option value="">All environments</option>}
      {envs.data?.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
        </option>
      ))}
    </select>
  );
}
