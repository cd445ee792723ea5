import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../../shared/bridge';
import { METHOD_NAME_LIST } from '../../shared/contract/names';
import { EVENT_CHANNEL, methodChannel } from '../../shared/ipc-channels';

const crm = buildBridge(
  METHOD_NAME_LIST,
  (method, input) => ipcRenderer.invoke(methodChannel(method), input),
  (listener) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(EVENT_CHANNEL, handler);
  },
);

contextBridge.exposeInMainWorld('crm', crm);
