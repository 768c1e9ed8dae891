import { useQuery } from '@tanstack/react-query';
import { api, read } from '../../api/client';
import type { License, Page } from '../../api/views';

/**
 * The licenses the caller may see (the API scopes them to the inspector's authority), for the license pickers and
 * to show a license's number beside an inspection or a violation. One page of 100, newest first.
 */
export function useLicenseChoices() {
  const q = useQuery({
    queryKey: ['licenses', 'choices'],
    queryFn: () => read<Page<License>>(api.GET('/api/v1/licenses', { params: { query: { pageSize: 100 } } })),
    staleTime: 60_000,
  });
  const items = q.data?.items ?? [];
  const byId = new Map(items.map((l) => [l.id, l]));
  return {
    loading: q.isPending,
    options: items.map((l) => ({ value: l.id, label: `${l.number} — ${l.name}` })),
    numberOf: (id: string | null | undefined) => (id ? (byId.get(id)?.number ?? id.slice(0, 8)) : '—'),
  };
}
