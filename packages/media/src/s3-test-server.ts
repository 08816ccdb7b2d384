import type { LookupFunction } from "node:net";
import { Agent } from "node:http";

import S3rver from "s3rver";

import { S3Storage } from "./s3-storage";
import { tempDir } from "./testing";

/**
 * An S3-compatible server for tests: s3rver (npm) on a free loopback port, its bucket in a
 * throwaway directory. It speaks the S3 REST API and XML over real HTTP; it checks the access
 * key but not the SigV4 signature itself.
 */
export interface S3TestServer {
  /** Path-style endpoint, e.g. http://127.0.0.1:41234. */
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** The S3_* variables that point the app's storageFromEnv() here. */
  env: Record<string, string>;
  /** A client for the bucket; `virtualHosted` addresses it as <bucket>.s3.<domain> instead. */
  storage(options?: { prefix?: string; virtualHosted?: boolean }): S3Storage;
  /** The host names virtual-hosted clients connected to. */
  virtualHosts: Set<string>;
  close(): Promise<void>;
}

// Virtual-hosted requests need a host name per bucket; this one resolves only inside our agent.
const VHOST_DOMAIN = "s3rver.test";

export async function startS3TestServer(bucket = "cadence-test"): Promise<S3TestServer> {
  const dir = await tempDir("cadence-s3rver-");
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: dir.path,
    serviceEndpoint: VHOST_DOMAIN,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's built-in account.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const virtualHosts = new Set<string>();
  const loopback: LookupFunction = (hostname, options, callback) => {
    virtualHosts.add(hostname);
    if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
    else callback(null, "127.0.0.1", 4);
  };
  const vhostAgent = new Agent({ keepAlive: true, lookup: loopback });
  const clients: S3Storage[] = [];

  return {
    endpoint,
    bucket,
    credentials,
    virtualHosts,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_REGION: "us-east-1",
      S3_VIRTUAL_HOSTED: "false",
    },
    storage({ prefix, virtualHosted = false } = {}) {
      const storage = new S3Storage({
        endpoint: virtualHosted ? `http://s3.${VHOST_DOMAIN}:${port}` : endpoint,
        bucket,
        region: "us-east-1",
        credentials,
        prefix,
        forcePathStyle: !virtualHosted,
        ...(virtualHosted ? { requestHandler: { httpAgent: vhostAgent } } : {}),
      });
      clients.push(storage);
      return storage;
    },
    async close() {
      for (const client of clients) client.destroy();
      vhostAgent.destroy();
      await server.close();
      await dir.remove();
    },
  };
}
