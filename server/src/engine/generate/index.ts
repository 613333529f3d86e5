// The connectivity-script generator: typed answers, their validation, and the script. Shared by the CLI
// (`lync-pic generate`) and the VS Code wizard (`Lync PIC: Generate Skype connectivity script`).
export * from './answers';
export { generateScript, quote } from './script';
