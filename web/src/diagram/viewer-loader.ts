/** Loaded on demand only (dynamic import): bpmn-js NavigatedViewer and its stylesheet. */
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

export { NavigatedViewer };
