/**
 * Monaco's web workers, bundled by vite (`?worker` makes each a chunk of the build served
 * from /admin/assets): the editor worker, JSON (variables, headers, response) and GraphQL
 * (validation and completion against the introspected schema). Nothing comes from a CDN.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

(globalThis as any).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
