/**
 * Memory and CPU time of a process group (Linux /proc): the app's start script, its redis-http
 * bridge and the Next.js server all share the group of the script harness.startApp spawns.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface GroupMemory {
  /** Highest sum of the group's VmRSS over the samples. */
  peakGroupRssBytes: number;
  /** Each process's own peak (VmHWM, kept by the kernel, so no sample can miss it). */
  processes: { pid: number; command: string; peakRssBytes: number }[];
  samples: number;
}

const kib = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;

function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after "(comm)": state, ppid, pgrp, ...
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pgid) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** CPU time (user + system) the processes have used so far, in ms. */
export function cpuMsOf(pids: number[]): number {
  const tickMs = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * tickMs;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** CPU time of the group's live processes, in ms. */
export const groupCpuMs = (pgid: number): number => cpuMsOf(groupPids(pgid));

function read(pid: number): { rss: number; hwm: number; command: string } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    // The program and the script it runs (node --require … --import … server.ts: server.ts).
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const script = args.findLast((arg) => /\.(ts|js|mjs|cjs)$/.test(arg));
    const command = [path.basename(args[0] ?? ""), script ? path.basename(script) : ""].join(" ").trim();
    return { rss: kib(status, "VmRSS"), hwm: kib(status, "VmHWM"), command };
  } catch {
    return null;
  }
}

/** Samples the group every `intervalMs` until stop(), which reports the peaks. */
export function watchGroupMemory(pgid: number, intervalMs = 500): { stop(): GroupMemory } {
  let peakGroupRssBytes = 0;
  let samples = 0;
  const peaks = new Map<number, { command: string; peakRssBytes: number }>();
  const sample = () => {
    let sum = 0;
    for (const pid of groupPids(pgid)) {
      const mem = read(pid);
      if (!mem) continue;
      sum += mem.rss;
      const known = peaks.get(pid);
      peaks.set(pid, {
        // A process on its way out has an empty command line: keep the name it had.
        command: known?.command || mem.command,
        peakRssBytes: Math.max(known?.peakRssBytes ?? 0, mem.hwm),
      });
    }
    peakGroupRssBytes = Math.max(peakGroupRssBytes, sum);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return {
        peakGroupRssBytes,
        processes: [...peaks]
          .map(([pid, p]) => ({ pid, ...p }))
          .sort((a, b) => b.peakRssBytes - a.peakRssBytes),
        samples,
      };
    },
  };
}
