import { assertValidKey, assertValidPrefix, resolveRange, RangeNotSatisfiableError } from "./storage";
import type { ByteRange, ListedObject, ObjectInfo, ObjectStorage, PutOptions, StoredObject } from "./storage";
import { EMPTY_PAYLOAD_HASH, sha256Hex, signRequest, uriEncode } from "./sigv4";
import type { AwsCredentials } from "./sigv4";

export interface S3StorageOptions {
  /** e.g. https://s3.eu-west-1.amazonaws.com, http://localhost:9000 (MinIO), an R2 endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: AwsCredentials;
  /** Path-style (endpoint/bucket/key) works with every S3 clone; virtual-host style with AWS. */
  forcePathStyle?: boolean;
  /** Prepended to every key, so one bucket can hold several installations. */
  prefix?: string;
  fetch?: typeof fetch;
}

export class S3Error extends Error {
  override readonly name = "S3Error";
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** S3-compatible object storage over fetch, signed with SigV4 (no SDK). */
export class S3Storage implements ObjectStorage {
  private readonly fetch: typeof fetch;
  private readonly prefix: string;

  constructor(private readonly options: S3StorageOptions) {
    this.fetch = options.fetch ?? fetch;
    this.prefix = options.prefix ? options.prefix.replace(/\/?$/, "/") : "";
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions): Promise<void> {
    // A copy typed as ArrayBuffer-backed, which is what fetch's BodyInit accepts.
    const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
    const response = await this.send("PUT", key, {
      body: bytes,
      headers: {
        "content-type": options.contentType,
        "cache-control": options.cacheControl,
        "content-length": String(bytes.byteLength),
      },
    });
    await expectOk(response, `PUT ${key}`);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const response = await this.send("HEAD", key);
    if (response.status === 404) return null;
    await expectOk(response, `HEAD ${key}`);
    return info(key, response, Number(response.headers.get("content-length") ?? 0));
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const headers: Record<string, string> = {};
    if (range) headers.range = `bytes=${range.start}-${range.end ?? ""}`;
    const response = await this.send("GET", key, { headers });
    if (response.status === 404) return null;
    if (response.status === 416) {
      const size = Number(response.headers.get("content-range")?.split("/")[1] ?? 0);
      throw new RangeNotSatisfiableError(key, size);
    }
    await expectOk(response, `GET ${key}`);
    if (!response.body) throw new S3Error(response.status, null, `GET ${key}: empty body`);

    // 206 carries "bytes start-end/size"; a 200 to a range request means the whole object.
    const contentRange = response.headers.get("content-range")?.match(/bytes (\d+)-(\d+)\/(\d+)/);
    const size = contentRange ? Number(contentRange[3]) : Number(response.headers.get("content-length") ?? 0);
    let body: ReadableStream<Uint8Array> = response.body;
    let span: { start: number; end: number } | null = null;
    if (contentRange) {
      span = { start: Number(contentRange[1]), end: Number(contentRange[2]) };
    } else if (range) {
      span = resolveRange(key, size, range);
      body = slice(body, span.start, span.end);
    }
    return { ...info(key, response, size), range: span, body };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    if (response.status === 404) return;
    await expectOk(response, `DELETE ${key}`);
  }

  async list(prefix: string): Promise<ListedObject[]> {
    assertValidPrefix(prefix);
    const found: ListedObject[] = [];
    let token: string | null = null;
    do {
      const query: Record<string, string> = { "list-type": "2", prefix: this.prefix + prefix };
      if (token) query["continuation-token"] = token;
      const response = await this.send("GET", null, { query });
      await expectOk(response, `LIST ${prefix}`);
      const xml = await response.text();
      for (const contents of xml.match(/<Contents>[\s\S]*?<\/Contents>/g) ?? []) {
        const key = xmlText(contents, "Key");
        if (key === null) continue;
        const modified = xmlText(contents, "LastModified");
        found.push({
          key: key.slice(this.prefix.length),
          size: Number(xmlText(contents, "Size") ?? 0),
          lastModified: modified ? new Date(modified) : null,
        });
      }
      token = xmlText(xml, "IsTruncated") === "true" ? xmlText(xml, "NextContinuationToken") : null;
    } while (token);
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private url(key: string | null, query: Record<string, string> = {}): URL {
    const endpoint = new URL(this.options.endpoint);
    const objectPath = key === null ? "" : (this.prefix + key).split("/").map(uriEncode).join("/");
    const base = endpoint.pathname.replace(/\/$/, "");
    if (this.options.forcePathStyle ?? true) {
      endpoint.pathname = `${base}/${this.options.bucket}/${objectPath}`;
    } else {
      endpoint.hostname = `${this.options.bucket}.${endpoint.hostname}`;
      endpoint.pathname = `${base}/${objectPath}`;
    }
    for (const [name, value] of Object.entries(query)) endpoint.searchParams.set(name, value);
    return endpoint;
  }

  private send(
    method: string,
    key: string | null,
    request: {
      body?: Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
      query?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    // Validated before the URL is built: its parser would resolve "../" out of our prefix.
    if (key !== null) assertValidKey(key);
    const url = this.url(key, request.query);
    const payloadHash = request.body ? sha256Hex(request.body) : EMPTY_PAYLOAD_HASH;
    const headers = signRequest({
      method,
      url,
      headers: { ...request.headers, "x-amz-content-sha256": payloadHash },
      payloadHash,
      region: this.options.region,
      service: "s3",
      credentials: this.options.credentials,
    });
    // fetch sets Host and Content-Length itself and refuses to be told.
    delete headers.host;
    delete headers["content-length"];
    return this.fetch(url, { method, headers, body: request.body });
  }
}

function info(key: string, response: Response, size: number): ObjectInfo {
  const modified = response.headers.get("last-modified");
  return {
    key,
    size,
    contentType: response.headers.get("content-type") ?? "application/octet-stream",
    cacheControl: response.headers.get("cache-control"),
    lastModified: modified ? new Date(modified) : null,
  };
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  const text = await response.text().catch(() => "");
  const code = xmlText(text, "Code");
  const message = xmlText(text, "Message") ?? response.statusText;
  throw new S3Error(response.status, code, `${what}: ${response.status} ${code ?? ""} ${message}`.trim());
}

function xmlText(xml: string, tag: string): string | null {
  const match = xml.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`));
  if (!match?.[1]) return null;
  return match[1]
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Cuts [start, end] out of a stream, for servers that ignore Range and send everything. */
function slice(body: ReadableStream<Uint8Array>, start: number, end: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const from = Math.max(start - offset, 0);
        const to = Math.min(end + 1 - offset, chunk.byteLength);
        offset += chunk.byteLength;
        if (to > from) controller.enqueue(chunk.subarray(from, to));
      },
    }),
  );
}
