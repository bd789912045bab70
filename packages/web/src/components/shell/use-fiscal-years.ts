/**
 * The fiscal years of the region (from the data), always including the one in view. Its own
 * file so that the header's year select does not pull the admin year card into the shell.
 */
import { useQuery } from "@tanstack/react-query";
import { request } from "../../api/client.ts";
import { useSession } from "../../session.tsx";

export function useFiscalYears(): number[] {
  const { fiscalYear, user } = useSession();
  const years = useQuery({
    queryKey: ["fiscal-years"],
    queryFn: () => request<{ items: number[] }>("/fiscal-years"),
    enabled: Boolean(user),
  });
  return [...new Set([...(years.data?.items ?? []), fiscalYear])].sort((a, b) => a - b);
}
