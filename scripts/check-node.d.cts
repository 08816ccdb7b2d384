/** The Node version check `npm start` runs before installing anything (check-node.cjs). */
export declare function nodeProblem(version: string, range: string): string | null;
export declare const engines: string;
