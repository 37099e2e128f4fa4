// A minimal client for an OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI,
// OpenRouter, vLLM, Ollama, ...). Configured by the function secrets AI_BASE_URL, AI_API_KEY,
// AI_MODEL and AI_TIMEOUT_MS, read per request so a changed secret applies without a restart.

export interface ModelConfig {
  /** e.g. https://api.openai.com/v1 (the path /chat/completions is appended). */
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

export const DEFAULT_TIMEOUT_MS = 8000;

/** The model configuration, or null when no model is configured (the deterministic writer is used). */
export function modelConfig(env: { get(name: string): string | undefined }): ModelConfig | null {
  const baseUrl = env.get("AI_BASE_URL")?.trim();
  const model = env.get("AI_MODEL")?.trim();
  if (!baseUrl || !model) return null;
  const timeout = Number(env.get("AI_TIMEOUT_MS"));
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    apiKey: env.get("AI_API_KEY")?.trim() || undefined,
    model,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
  };
}

export type FailureReason = "timeout" | "provider_error" | "malformed_output";

export class ModelError extends Error {
  constructor(readonly reason: FailureReason, message: string) {
    super(message);
  }
}

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

const MAX_OUTPUT_CHARS = 2000;

/**
 * One chat completion; resolves to the reply's text. Throws ModelError when the provider is
 * unreachable, answers non-2xx, answers something that is not a chat completion, or takes
 * longer than the timeout (which covers the whole exchange, body included).
 */
export async function chatCompletion(config: ModelConfig, messages: ChatMessage[], maxTokens = 400): Promise<string> {
  let data: unknown;
  try {
    const res = await fetch(`${config.baseUrl}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: config.model, messages, temperature: 0.2, max_tokens: maxTokens }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new ModelError("provider_error", `the provider answered HTTP ${res.status}`);
    }
    data = JSON.parse(await res.text());
  } catch (e) {
    if (e instanceof ModelError) throw e;
    const name = (e as Error)?.name;
    if (name === "TimeoutError" || name === "AbortError") throw new ModelError("timeout", `no answer within ${config.timeoutMs} ms`);
    if (e instanceof SyntaxError) throw new ModelError("malformed_output", "the provider's answer is not JSON");
    throw new ModelError("provider_error", `the provider is unreachable: ${(e as Error)?.message ?? e}`);
  }
  const content = (data as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
  if (typeof content !== "string") throw new ModelError("malformed_output", "the answer has no choices[0].message.content string");
  const text = content.trim();
  if (!text) throw new ModelError("malformed_output", "the answer is empty");
  if (text.length > MAX_OUTPUT_CHARS) throw new ModelError("malformed_output", `the answer is longer than ${MAX_OUTPUT_CHARS} characters`);
  return text;
}
