// pmai.ts
const BASE = 'https://app.aptoria.ai';

export async function pmai<T = unknown>(
  path: string,
  init?: RequestInit & { json?: unknown }
): Promise<T> {
  const { json, headers, ...rest } = init || {};
  const res = await fetch(`${BASE}${path}`, {
    ...rest,
    headers: {
      Authorization: `Bearer ${process.env.PMAI_API_KEY!}`,
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...(headers || {}),
    },
    body: json ? JSON.stringify(json) : (rest as any).body,
  });
  if (!res.ok) throw new Error(`PMAI ${res.status}: ${await res.text()}`);
  return res.json();
}

