import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport (--node-ipc, --stdio or --socket) comes from the command line.
const connection = createConnection(ProposedFeatures.all);

// The server must outlive any bug: log what escaped and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`lync-pic: uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`lync-pic: unhandled rejection: ${String(reason)}`));

startServer(connection);
