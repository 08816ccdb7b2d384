import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { S3ClientConfig } from "@aws-sdk/client-s3";

import { assertValidKey, assertValidPrefix, RangeNotSatisfiableError } from "./storage";
import type { ByteRange, ListedObject, ObjectInfo, ObjectStorage, PutOptions, StoredObject } from "./storage";

export interface S3StorageOptions {
  /** e.g. https://s3.eu-west-1.amazonaws.com, http://localhost:9000 (MinIO), an R2 endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  /** Omitted: the SDK's default chain (AWS_* variables, shared config, an instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Path-style (endpoint/bucket/key) works with every S3 clone; virtual-host style with AWS. */
  forcePathStyle?: boolean;
  /** Prepended to every key, so one bucket can hold several installations. */
  prefix?: string;
  /** How the client makes HTTP requests (an agent, timeouts); the SDK's default otherwise. */
  requestHandler?: S3ClientConfig["requestHandler"];
}

/** S3-compatible object storage on the AWS SDK: signing, XML and retries are the SDK's. */
export class S3Storage implements ObjectStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ? options.prefix.replace(/\/?$/, "/") : "";
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      forcePathStyle: options.forcePathStyle ?? true,
      // Checksums only where S3 demands them: several S3 clones reject the SDK's default ones.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}),
    });
  }

  /** The bucket key for one of ours; validated first, so nothing escapes the prefix. */
  private objectKey(key: string): string {
    assertValidKey(key);
    return this.prefix + key;
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: body,
        ContentType: options.contentType,
        CacheControl: options.cacheControl,
      }),
    );
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return info(key, head, head.ContentLength ?? 0);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const objectKey = this.objectKey(key);
    let object;
    try {
      object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Range: range ? `bytes=${range.start}-${range.end ?? ""}` : undefined,
        }),
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return null;
      if (status === 416) throw new RangeNotSatisfiableError(key, (await this.head(key))?.size ?? 0);
      throw error;
    }
    if (!object.Body) throw new Error(`GET ${key}: no body`);
    const body = object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
    // A 206 carries "bytes start-end/size". A server that ignores Range answers 200 with the
    // whole object, which the origin then serves as a 200: still correct HTTP.
    const contentRange = object.ContentRange?.match(/^bytes (\d+)-(\d+)\/(\d+)$/);
    const size = contentRange ? Number(contentRange[3]) : (object.ContentLength ?? 0);
    const span = contentRange ? { start: Number(contentRange[1]), end: Number(contentRange[2]) } : null;
    return { ...info(key, object, size), range: span, body };
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async list(prefix: string): Promise<ListedObject[]> {
    assertValidPrefix(prefix);
    const found: ListedObject[] = [];
    const pages = paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.bucket, Prefix: this.prefix + prefix },
    );
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        found.push({
          key: object.Key.slice(this.prefix.length),
          size: object.Size ?? 0,
          lastModified: object.LastModified ?? null,
        });
      }
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Closes the client's connections. */
  destroy(): void {
    this.client.destroy();
  }
}

function info(
  key: string,
  object: { ContentType?: string; CacheControl?: string; LastModified?: Date },
  size: number,
): ObjectInfo {
  return {
    key,
    size,
    contentType: object.ContentType ?? "application/octet-stream",
    cacheControl: object.CacheControl ?? null,
    lastModified: object.LastModified ?? null,
  };
}

/** The HTTP status of a failed S3 call; HEAD errors carry no body, so the code is not enough. */
function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
