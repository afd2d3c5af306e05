package io.vortex.console.dags;

import io.vortex.dag.Dag;
import io.vortex.dag.DagFilter;
import io.vortex.dag.DagService;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The home page: every active DAG, paged and sorted in the database, searchable by dag_id. */
@Named
@ViewScoped
public class DagListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DagService dagService;

    private String search;

    private final LazyDataModel<Dag> dags = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) dagService.list(filter(), new PageRequest(0, 1, "dag_id", false)).totalEntries();
        }

        @Override
        public List<Dag> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            PageRequest request = new PageRequest(first, pageSize,
                    sort == null ? "dag_id" : sort.getField(), sort != null && sort.getOrder() == SortOrder.DESCENDING);
            Page<Dag> page = dagService.list(filter(), request);
            setRowCount((int) page.totalEntries());
            return page.items();
        }

        @Override
        public String getRowKey(Dag dag) {
            return dag.getDagId();
        }
    };

    private DagFilter filter() {
        return new DagFilter(true, null, search, Set.of());
    }

    public LazyDataModel<Dag> getDags() {
        return dags;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
